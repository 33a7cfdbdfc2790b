package dev.benchpulse.runner.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.runner.system.RunnerProperties.Kind;
import dev.benchpulse.runner.system.RunnerProperties.RuntimeSpec;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The shipped application.yml: the local default and the docker profile's runtimes. */
class RunnerPropertiesTests {

    static RunnerProperties bind(int document) throws IOException {
        List<PropertySource<?>> documents = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        return new Binder(ConfigurationPropertySources.from(documents.get(document)))
                .bindOrCreate("benchpulse.runner", RunnerProperties.class);
    }

    @Test
    void the_local_default_offers_plain_php_and_php_with_the_jit_from_the_php_on_the_path() throws IOException {
        RunnerProperties properties = bind(0);

        assertThat(properties.runtimes()).extracting(RuntimeSpec::id).containsExactly("php", "php-jit");
        assertThat(properties.runtimes()).allSatisfy(r -> {
            assertThat(r.command()).containsExactly("php");
            assertThat(r.kind()).isEqualTo(Kind.LOCAL);
        });
        assertThat(properties.runtimes().get(1).settings()).containsExactly("opcache.enable_cli=1",
                "opcache.jit=tracing", "opcache.jit_buffer_size=64M");
        assertThat(properties.execution().sampleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.execution().memoryLimit()).isEqualTo("512M");
        assertThat(properties.worker().resolvedConcurrentRuns()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void the_docker_profile_runs_php_in_the_agreed_containers() throws IOException {
        RunnerProperties properties = bind(1);

        assertThat(properties.runtimes()).extracting(RuntimeSpec::id)
                .containsExactly("php-8.1", "php-8.2", "php-8.3", "php-8.4", "php-8.4-jit");
        assertThat(properties.runtimes()).allSatisfy(r -> assertThat(r.kind()).isEqualTo(Kind.CONTAINER));
        assertThat(properties.runtimes().get(2).command())
                .containsExactly("docker", "exec", "-i", "benchpulse-php-8.3", "php");
    }

    @Test
    void an_instance_id_defaults_to_host_and_process() {
        RunnerProperties properties = new RunnerProperties(null, " ", null, null, List.of());

        assertThat(properties.resolvedInstanceId()).endsWith("-" + ProcessHandle.current().pid());
    }
}
