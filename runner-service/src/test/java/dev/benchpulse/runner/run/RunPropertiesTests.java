package dev.benchpulse.runner.run;

import static dev.benchpulse.runner.TestFixtures.shipped;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The shipped application.yml: how samples run, how many runs at once, and how their liveness is watched. */
class RunPropertiesTests {

    @Test
    void the_local_default_bounds_a_sample_and_runs_one_run_per_processor() throws IOException {
        RunProperties properties = shipped(RunProperties.class, 0);

        assertThat(properties.execution().sampleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.execution().memoryLimit()).isEqualTo("512M");
        assertThat(properties.execution().maxOutput().toKilobytes()).isEqualTo(64);
        assertThat(properties.worker().resolvedConcurrentRuns()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(properties.worker().heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.worker().stallTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.worker().maxAttempts()).isEqualTo(3);
        assertThat(properties.worker().maxPollInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.worker().sessionTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void an_instance_id_defaults_to_host_and_process() {
        RunProperties properties = new RunProperties(" ", null, null);

        assertThat(properties.resolvedInstanceId()).endsWith("-" + ProcessHandle.current().pid());
    }
}
