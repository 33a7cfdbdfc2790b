package dev.benchpulse.runner.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.testsupport.ConfigurationMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** What one request and one requester may ask for: the defaults, a bad value stopping start-up, IDE metadata. */
class RequestPropertiesTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Enabled.class);

    @Test
    void the_defaults_bound_a_request_and_a_requester() {
        runner.run(context -> assertThat(context.getBean(RequestProperties.class))
                .satisfies(limits -> {
                    assertThat(limits.maxRuns()).isEqualTo(5000);
                    assertThat(limits.maxSamples()).isEqualTo(300_000);
                    assertThat(limits.maxOperations()).isEqualTo(100_000_000_000L);
                    assertThat(limits.maxQueuedPerRequester()).isEqualTo(20);
                }));
    }

    @Test
    void a_negative_queue_limit_stops_start_up_naming_the_property() {
        runner.withPropertyValues("benchpulse.runner.requests.max-queued-per-requester=-1")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("benchpulse.runner.requests")
                        .hasMessageContaining("maxQueuedPerRequester")
                        .hasMessageContaining("must be greater than or equal to 0"));
    }

    @Test
    void a_request_allowed_no_run_stops_start_up_naming_the_property() {
        runner.withPropertyValues("benchpulse.runner.requests.max-runs=0")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("maxRuns")
                        .hasMessageContaining("must be greater than 0"));
    }

    @Test
    void the_settings_have_ide_metadata() {
        assertThat(ConfigurationMetadata.names())
                .contains(
                        "benchpulse.runner.requests.max-runs",
                        "benchpulse.runner.requests.max-queued-per-requester",
                        "benchpulse.runner.requests.max-operations");
    }

    @EnableConfigurationProperties(RequestProperties.class)
    static class Enabled {}
}
