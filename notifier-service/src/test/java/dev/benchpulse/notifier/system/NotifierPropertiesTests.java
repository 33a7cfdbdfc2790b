package dev.benchpulse.notifier.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.notifier.settings.NotifierProperties;
import dev.benchpulse.testsupport.ConfigurationMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The notifier's settings: a value out of bounds stops start-up with the property named; IDE metadata. */
class NotifierPropertiesTests {

    private final ApplicationContextRunner notifier =
            new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void the_defaults_are_valid() {
        notifier.run(context -> assertThat(context).hasNotFailed().hasSingleBean(NotifierProperties.class));
    }

    @Test
    void a_jitter_above_1_stops_start_up_naming_the_property() {
        notifier.withPropertyValues("benchpulse.notifier.publish.jitter=2")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("benchpulse.notifier")
                        .hasMessageContaining("publish.jitter")
                        .hasMessageContaining("must be less than or equal to 1"));
    }

    @Test
    void no_hub_connection_stops_start_up_naming_the_property() {
        notifier.withPropertyValues("benchpulse.notifier.publish.max-connections=0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("publish.maxConnections")
                        .hasMessageContaining("must be greater than 0"));
    }

    @Test
    void the_settings_have_ide_metadata() {
        assertThat(ConfigurationMetadata.names())
                .contains(
                        "benchpulse.notifier.max-progress-per-second",
                        "benchpulse.notifier.publish.jitter",
                        "benchpulse.notifier.hub.url");
    }

    @EnableConfigurationProperties(NotifierProperties.class)
    static class Enabled {}
}
