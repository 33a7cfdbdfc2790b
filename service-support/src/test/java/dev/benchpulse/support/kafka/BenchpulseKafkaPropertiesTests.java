package dev.benchpulse.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.testsupport.ConfigurationMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The shared Kafka settings: a value out of bounds stops start-up with the property named; IDE metadata. */
class BenchpulseKafkaPropertiesTests {

    private final ApplicationContextRunner service =
            new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void the_defaults_are_valid() {
        service.run(context -> assertThat(context).hasNotFailed().hasSingleBean(BenchpulseKafkaProperties.class));
    }

    @Test
    void a_replication_factor_of_0_stops_start_up_naming_the_property() {
        service.withPropertyValues("benchpulse.kafka.replication-factor=0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("benchpulse.kafka")
                        .hasMessageContaining("replicationFactor")
                        .hasMessageContaining("must be greater than 0"));
    }

    @Test
    void negative_retries_stop_start_up_naming_the_property() {
        service.withPropertyValues("benchpulse.kafka.retry.attempts=-1")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("retry.attempts")
                        .hasMessageContaining("must be greater than or equal to 0"));
    }

    @Test
    void the_settings_have_ide_metadata() {
        assertThat(ConfigurationMetadata.names())
                .contains(
                        "benchpulse.kafka.replication-factor",
                        "benchpulse.kafka.retry.attempts",
                        "benchpulse.kafka.outage.max-delay");
    }

    @EnableConfigurationProperties(BenchpulseKafkaProperties.class)
    static class Enabled {}
}
