package dev.benchpulse.runner.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import dev.benchpulse.runner.RunnerIntegrationTest;
import dev.benchpulse.runner.TestFixtures;
import dev.benchpulse.testsupport.OpenApiDocuments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@RunnerIntegrationTest
class CatalogApiIntegrationTests {

    @Autowired
    WebTestClient client;

    @Test
    void lists_the_valid_benchmarks_with_the_runtimes_that_can_run_them() {
        client.get()
                .uri("/api/benchmarks")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[?(@.slug == 'str-contains-native')].group")
                .isEqualTo("substring-search")
                .jsonPath("$[?(@.slug == 'str-contains-native')].category")
                .isEqualTo("strings")
                .jsonPath("$[?(@.slug == 'str-contains-native')].tags[0]")
                .isEqualTo("strings")
                .jsonPath("$[?(@.slug == 'str-contains-native')].runtimes[0]")
                .isEqualTo("php")
                .jsonPath("$[?(@.slug == 'str-contains-native')].runtimes[1]")
                .isEqualTo("php-jit")
                .jsonPath("$[?(@.slug == 'str-contains-native')].runtimes.length()")
                .isEqualTo(2)
                .jsonPath("$[?(@.slug == 'needs-php-99')].runtimes.length()")
                .isEqualTo(0)
                .jsonPath("$[?(@.slug == 'needs-php-99')].phpVersions")
                .isEqualTo("PHP 99.0 or newer")
                .jsonPath("$[?(@.slug == 'needs-php-99')].phpVersionReason")
                .isEqualTo("a feature of PHP 99")
                .jsonPath("$[?(@.slug == 'needs-php-99')].excludedRuntimes.php")
                .value(reason -> assertThat(reason.toString())
                        .contains("; this benchmark needs PHP 99.0 or newer (a feature of PHP 99)"))
                .jsonPath("$[?(@.slug == 'sum-ints')].phpVersions")
                .isEqualTo("any PHP")
                .jsonPath("$[*].slug")
                .value(slugs -> assertThat(slugs.toString()).doesNotContain("broken-no-code"));
    }

    @Test
    void shows_one_benchmark_with_its_code_settings_and_alternatives() {
        client.get()
                .uri("/api/benchmarks/undefined-variable")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.setup")
                .isEqualTo("function helper(): int { return 1; }\n")
                .jsonPath("$.code")
                .isEqualTo("$one = helper();\n$sum = $one + $missing;\n")
                .jsonPath("$.teardown")
                .isEqualTo("")
                .jsonPath("$.warmupIterations")
                .isEqualTo(0)
                .jsonPath("$.innerIterations")
                .isEqualTo(10)
                .jsonPath("$.alternatives")
                .value(hasItem("spin-forever"));
    }

    @Test
    void an_unknown_benchmark_is_a_404_problem() {
        client.get()
                .uri("/api/benchmarks/no-such-thing")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Unknown benchmark")
                .jsonPath("$.detail")
                .value(startsWith("No benchmark 'no-such-thing' in the catalog. GET /api/benchmarks"))
                .jsonPath("$.errors[0].field")
                .isEqualTo("benchmark");
    }

    @Test
    void lists_the_runtimes_with_version_jit_and_why_one_is_unavailable() {
        String version = TestFixtures.localPhpVersion();
        client.get()
                .uri("/api/runtimes")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$[0].id")
                .isEqualTo("php")
                .jsonPath("$[0].available")
                .isEqualTo(true)
                .jsonPath("$[0].phpVersion")
                .isEqualTo(version)
                .jsonPath("$[0].jit")
                .isEqualTo(false)
                .jsonPath("$[0].kind")
                .isEqualTo("local")
                .jsonPath("$[1].id")
                .isEqualTo("php-jit")
                .jsonPath("$[1].jit")
                .isEqualTo(true)
                .jsonPath("$[1].settings['opcache.jit']")
                .isEqualTo("tracing")
                .jsonPath("$[2].id")
                .isEqualTo("php-missing")
                .jsonPath("$[2].available")
                .isEqualTo(false)
                .jsonPath("$[2].phpVersion")
                .doesNotExist()
                .jsonPath("$[2].reason")
                .value(startsWith("Cannot start `/nonexistent/bin/php`"));
    }

    @Test
    void health_reports_the_catalog_files_left_out() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP")
                .jsonPath("$.components.catalog.details.benchmarks")
                .isEqualTo(7)
                .jsonPath("$.components.catalog.details.problems[0]")
                .value(p -> assertThat(p.toString()).contains("broken-no-code.yml: code is required"))
                .jsonPath("$.components.runtimes.details.php-missing")
                .value(startsWith("unavailable: Cannot start"));
    }

    @Test
    void serves_the_openapi_description() {
        client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.info.title")
                .isEqualTo("Benchpulse runner")
                .jsonPath("$.paths['/api/runs'].post")
                .exists()
                .jsonPath("$.paths['/api/runs/{id}'].delete")
                .exists()
                .jsonPath("$.paths['/api/benchmarks'].get")
                .exists()
                .jsonPath("$.paths['/api/benchmarks/{slug}/calibrate'].post")
                .exists()
                .jsonPath("$.paths['/api/runtimes'].get")
                .exists();
    }

    @Test
    void serves_the_committed_openapi_document_the_dashboard_is_checked_against() {
        String served = client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenApiDocuments.assertServedIsCommitted("runner", served);
    }
}
