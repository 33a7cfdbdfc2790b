package dev.benchpulse.hub.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.hub.settings.HubProperties;
import dev.benchpulse.testsupport.ConfigurationMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The hub's settings: a value out of bounds stops start-up with the property named; IDE metadata. */
class HubPropertiesTests {

    private final ApplicationContextRunner hub = new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void the_defaults_are_valid() {
        hub.run(context -> assertThat(context).hasNotFailed().hasSingleBean(HubProperties.class));
    }

    @Test
    void a_subscriber_buffer_of_zero_stops_start_up_naming_the_property() {
        hub.withPropertyValues("mercure.dispatch.subscriber-buffer=0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("mercure")
                        .hasMessageContaining("dispatch.subscriberBuffer")
                        .hasMessageContaining("must be greater than 0"));
    }

    @Test
    void a_negative_limit_stops_start_up_naming_the_property() {
        hub.withPropertyValues("mercure.limits.selectors=-1")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("limits.selectors")
                        .hasMessageContaining("must be greater than or equal to 0"));
    }

    @Test
    void the_subscriber_limit_is_the_open_file_limit_less_the_reserve_unless_set() {
        hub.run(context -> {
            HubProperties.Limits limits = context.getBean(HubProperties.class).limits();
            assertThat(limits.subscribers(20_000)).isEqualTo(19_500);
            assertThat(limits.subscribers(-1))
                    .as("open-file limit unknown: no bound")
                    .isZero();
        });
        hub.withPropertyValues("mercure.limits.subscribers=") // what an unset MERCURE_LIMITS_SUBSCRIBERS gives
                .run(context -> assertThat(
                                context.getBean(HubProperties.class).limits().subscribers(1_000))
                        .isEqualTo(500));
        hub.withPropertyValues("mercure.limits.subscribers=300")
                .run(context -> assertThat(
                                context.getBean(HubProperties.class).limits().subscribers(20_000))
                        .isEqualTo(300));
    }

    @Test
    void the_settings_have_ide_metadata() {
        assertThat(ConfigurationMetadata.names())
                .contains(
                        "mercure.history-size",
                        "mercure.dispatch.subscriber-buffer",
                        "mercure.limits.selectors",
                        "mercure.publisher.jwt-key");
    }

    @EnableConfigurationProperties(HubProperties.class)
    static class Enabled {}
}
