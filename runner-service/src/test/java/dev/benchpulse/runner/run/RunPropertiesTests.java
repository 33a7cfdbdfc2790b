package dev.benchpulse.runner.run;

import static dev.benchpulse.runner.TestFixtures.shipped;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.testsupport.ConfigurationMetadata;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The shipped application.yml: how samples run, how many runs at once, and how their liveness is watched; what a bad
 * value does.
 */
class RunPropertiesTests {

    @Test
    void the_local_default_bounds_a_sample_and_runs_one_run_per_processor() throws IOException {
        RunProperties properties = shipped(RunProperties.class, 0);

        assertThat(properties.execution().sampleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.execution().memoryLimit()).isEqualTo("512M");
        assertThat(properties.execution().maxOutput().toKilobytes()).isEqualTo(64);
        assertThat(properties.worker().resolvedConcurrentRuns())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(properties.worker().heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.worker().stallTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.worker().maxAttempts()).isEqualTo(3);
        assertThat(properties.worker().maxPollInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.worker().sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void an_instance_id_defaults_to_host_and_process() {
        RunProperties properties = new RunProperties(" ", null, null);

        assertThat(properties.resolvedInstanceId())
                .endsWith("-" + ProcessHandle.current().pid());
    }

    @Test
    void a_negative_number_of_concurrent_runs_stops_start_up_naming_the_property() {
        new ApplicationContextRunner()
                .withUserConfiguration(Enabled.class)
                .withPropertyValues("benchpulse.runner.worker.concurrent-runs=-1")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("benchpulse.runner")
                        .hasMessageContaining("worker.concurrentRuns")
                        .hasMessageContaining("must be greater than or equal to 0"));
    }

    @Test
    void the_settings_have_ide_metadata() {
        assertThat(ConfigurationMetadata.names())
                .contains(
                        "benchpulse.runner.worker.concurrent-runs",
                        "benchpulse.runner.execution.sample-timeout",
                        "benchpulse.runner.catalog-dir",
                        "benchpulse.runner.runtimes");
    }

    @EnableConfigurationProperties(RunProperties.class)
    static class Enabled {}
}
