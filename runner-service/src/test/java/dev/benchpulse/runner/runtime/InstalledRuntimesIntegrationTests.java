package dev.benchpulse.runner.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.runner.RunnerIntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

/** A PHP version installed or removed while the runner runs shows up in, and leaves, /api/runtimes by itself. */
@RunnerIntegrationTest
class InstalledRuntimesIntegrationTests {

    static final Path INSTALLED = Path.of("target", "test-installed-php");

    @Autowired
    WebTestClient client;

    @AfterEach
    void uninstall() {
        FileSystemUtils.deleteRecursively(INSTALLED.toFile());
    }

    @Test
    void a_version_installed_after_start_becomes_a_runtime_and_a_jit_twin_without_a_restart() throws Exception {
        FakeInstall.install(INSTALLED, "8.2");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() ->
                        assertThat(runtimes()).extracting(r -> r.get("id")).contains("php-8.2", "php-8.2-jit"));
        Map<String, Object> plain = byId("php-8.2");
        Map<String, Object> jit = byId("php-8.2-jit");
        assertThat(plain)
                .containsEntry("available", true)
                .containsEntry("jit", false)
                .containsEntry("name", "PHP 8.2");
        assertThat(jit).containsEntry("available", true).containsEntry("jit", true);
        assertThat(plain.get("origin"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("source", "installed")
                .containsEntry("npmPackage", "@test/php-8.2@1.0.0")
                .containsEntry("integrity", "sha512-test");
        assertThat(plain.get("settings"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("zend.assertions", "-1")
                .containsEntry("opcache.enable_cli", "0");
        assertThat(jit.get("settings"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("opcache.enable_cli", "1")
                .containsEntry("opcache.jit", "tracing");
        assertThat((List<?>) plain.get("startOptions")).first().isEqualTo("-n");

        uninstall();

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(runtimes())
                        .extracting(r -> r.get("id"))
                        .doesNotContain("php-8.2", "php-8.2-jit")
                        .contains("php", "php-jit"));
    }

    private Map<String, Object> byId(String id) {
        return runtimes().stream()
                .filter(r -> id.equals(r.get("id")))
                .findFirst()
                .orElseThrow();
    }

    private List<Map<String, Object>> runtimes() {
        return client.get()
                .uri("/api/runtimes")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody();
    }
}
