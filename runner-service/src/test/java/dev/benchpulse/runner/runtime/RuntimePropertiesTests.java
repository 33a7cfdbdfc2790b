package dev.benchpulse.runner.runtime;

import static dev.benchpulse.runner.TestFixtures.shipped;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.runner.runtime.RuntimeProperties.Kind;
import dev.benchpulse.runner.runtime.RuntimeProperties.RuntimeSpec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
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
        assertThat(properties.runtimes().get(1).settings())
                .containsExactly("opcache.enable_cli=1", "opcache.jit=tracing", "opcache.jit_buffer_size=64M");
        assertThat(properties.execution().probeTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void the_docker_profile_runs_php_7_4_to_8_5_in_the_agreed_containers_with_the_ids_of_installed_versions()
            throws IOException {
        RuntimeProperties properties = shipped(RuntimeProperties.class, 1);

        assertThat(properties.runtimes())
                .extracting(RuntimeSpec::id)
                .containsExactly(
                        "php-7.4",
                        "php-8.0",
                        "php-8.0-jit",
                        "php-8.1",
                        "php-8.1-jit",
                        "php-8.2",
                        "php-8.2-jit",
                        "php-8.3",
                        "php-8.3-jit",
                        "php-8.4",
                        "php-8.4-jit",
                        "php-8.5",
                        "php-8.5-jit");
        assertThat(properties.runtimes()).allSatisfy(r -> {
            assertThat(r.kind()).isEqualTo(Kind.CONTAINER);
            String version = r.id().replaceAll("^php-|-jit$", "");
            assertThat(r.command()).containsExactly("docker", "exec", "-i", "benchpulse-php-" + version, "php");
            assertThat(r.settings())
                    .isEqualTo(
                            r.id().endsWith("-jit")
                                    ? List.of(
                                            "opcache.enable_cli=1",
                                            "opcache.jit=tracing",
                                            "opcache.jit_buffer_size=64M")
                                    : List.of());
        });
    }

    @Test
    void every_runtime_runs_with_the_same_standard_settings_and_installed_versions_come_from_benchpulse_php()
            throws IOException {
        RuntimeProperties properties = shipped(RuntimeProperties.class, 0);

        assertThat(properties.standard().settings()).containsExactly("zend.assertions=-1", "opcache.enable_cli=0");
        assertThat(properties.standard().extensions()).containsExactly("opcache", "json", "ctype", "mbstring");
        assertThat(properties.installed().dir().toString()).endsWith(".benchpulse/php}");
    }
}
