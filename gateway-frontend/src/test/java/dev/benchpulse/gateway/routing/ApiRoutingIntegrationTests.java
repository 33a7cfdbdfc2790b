package dev.benchpulse.gateway.routing;

import static dev.benchpulse.gateway.testing.Backends.RESULTS;
import static dev.benchpulse.gateway.testing.Backends.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.gateway.testing.OpenModeGateway;
import dev.benchpulse.gateway.testing.StubBackend;
import dev.benchpulse.gateway.testing.Tokens;
import dev.benchpulse.support.identity.Requester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

class ApiRoutingIntegrationTests extends OpenModeGateway {

    @ParameterizedTest(name = "{0} {1} goes to the {2}")
    @CsvSource({
        "GET, /api/benchmarks, runner",
        "GET, /api/benchmarks/str-contains, runner",
        "GET, /api/runtimes, runner",
        "POST, /api/benchmarks/str-contains/calibrate?runtime=php, runner",
        "POST, /api/runs, runner",
        "DELETE, /api/runs/5b0c3f4e-1d2a-4c55-9a43-3e1f0f6d8a10, runner",
        "GET, /api/runs?benchmark=str-contains&status=COMPLETED, results",
        "GET, /api/runs/5b0c3f4e-1d2a-4c55-9a43-3e1f0f6d8a10, results",
        "GET, /api/runs/5b0c3f4e-1d2a-4c55-9a43-3e1f0f6d8a10/samples, results",
        "GET, '/api/benchmarks/str-contains/comparison?runtimes=php,php-jit', results",
        "GET, /api/benchmarks/str-contains/history?runtime=php, results",
        "GET, /api/runs/5b0c3f4e-1d2a-4c55-9a43-3e1f0f6d8a10/export, results",
        "GET, /api/operations/dead-letters, results",
        "POST, /api/operations/dead-letters/benchpulse.benchmark-events.v1.dlt/replay, results",
        "GET, /api/matrices/5b0c3f4e-1d2a-4c55-9a43-3e1f0f6d8a10, results",
        "GET, /api/benchmarks/str-contains/versions?baseline=php-7.4, results",
        "GET, '/api/speedups?from=php-7.4&to=php-8.5', results",
        "GET, /api/schemas, results",
        "GET, /api/schemas/a1b2c3d4e5f60718, results",
    })
    void routes_by_method_and_path_to_the_owning_service(String method, String uri, String owner) {
        client.method(HttpMethod.valueOf(method))
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.backend")
                .isEqualTo(owner);

        StubBackend backend = owner.equals("runner") ? RUNNER : RESULTS;
        assertThat(backend.received()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo(method);
            assertThat(request.uri()).isEqualTo(uri);
        });
    }

    @Test
    void passes_the_request_body_and_the_services_problem_response_through_unchanged() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"iterations must be between 1 and 10000, got 0\",\"instance\":\"/api/runs\"}";
        RUNNER.stub("/api/runs", 400, "application/problem+json", problem);
        String request = "{\"benchmark\":\"str-contains\",\"runtimes\":[\"php\"],\"iterations\":0}";

        client.post()
                .uri("/api/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(request)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .isEqualTo(problem);
        assertThat(RUNNER.last().body()).isEqualTo(request);
    }

    @Test
    void never_trusts_an_identity_header_or_forwards_cookies_to_the_services() {
        client.post()
                .uri("/api/runs")
                .header(ApiHeaders.UNSIGNED_USER, "mallory")
                .header(ApiHeaders.IDENTITY, "mallory")
                .cookie("SESSION", "secret")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}")
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(RUNNER.last().header(ApiHeaders.UNSIGNED_USER)).isNull();
        assertThat(RUNNER.last().header("Cookie")).isNull();
        assertThat(Tokens.identity(RUNNER.last())).isEqualTo(Requester.anonymous("127.0.0.1"));
    }

    @Test
    void refuses_a_cross_site_form_post_that_would_start_a_calibration() {
        client.post()
                .uri("/api/benchmarks/str-contains/calibrate?runtime=php")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("targetMillis=200")
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains(ApiHeaders.CLIENT));
        client.delete()
                .uri("/api/runs/5b0c3f4e-1d2a-4c55-9a43-3e1f0f6d8a10")
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(RUNNER.received()).isEmpty();

        client.post()
                .uri("/api/benchmarks/str-contains/calibrate?runtime=php")
                .header(ApiHeaders.CLIENT, "cli")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void answers_an_unknown_api_path_with_a_404_problem() {
        client.get()
                .uri("/api/nothing-here")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("GET /api/nothing-here"));
        assertThat(RUNNER.received()).isEmpty();
        assertThat(RESULTS.received()).isEmpty();
    }

    @Test
    void keeps_actuator_health_public() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }
}
