package dev.benchpulse.runner.runtime;

import static dev.benchpulse.runner.TestFixtures.shipped;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.runner.runtime.RuntimeProperties.Kind;
import dev.benchpulse.runner.runtime.RuntimeProperties.RuntimeSpec;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The shipped application.yml: the local default and the docker profile's runtimes. */
class RuntimePropertiesTests {

    @Test
    void the_local_default_offers_plain_php_and_php_with_the_jit_from_the_php_on_the_path() throws IOException {
        RuntimeProperties properties = shipped(RuntimeProperties.class, 0);

        assertThat(properties.runtimes()).extracting(RuntimeSpec::id).containsExactly("php", "php-jit");
        assertThat(properties.runtimes()).allSatisfy(r -> {
            assertThat(r.command()).containsExactly("php");
            assertThat(r.kind()).isEqualTo(Kind.LOCAL);
        });
        assertThat(properties.runtimes().get(1).settings()).containsExactly("opcache.enable_cli=1",
                "opcache.jit=tracing", "opcache.jit_buffer_size=64M");
        assertThat(properties.execution().probeTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void the_docker_profile_runs_php_in_the_agreed_containers() throws IOException {
        RuntimeProperties properties = shipped(RuntimeProperties.class, 1);

        assertThat(properties.runtimes()).extracting(RuntimeSpec::id)
                .containsExactly("php-8.1", "php-8.2", "php-8.3", "php-8.4", "php-8.4-jit");
        assertThat(properties.runtimes()).allSatisfy(r -> assertThat(r.kind()).isEqualTo(Kind.CONTAINER));
        assertThat(properties.runtimes().get(2).command())
                .containsExactly("docker", "exec", "-i", "benchpulse-php-8.3", "php");
    }
}
