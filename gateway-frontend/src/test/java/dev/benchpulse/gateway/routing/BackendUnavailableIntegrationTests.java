package dev.benchpulse.gateway.routing;

import dev.benchpulse.gateway.testing.SecuredModeGateway;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Runs in the secured-mode context, whose results service is down. */
class BackendUnavailableIntegrationTests extends SecuredModeGateway {

    @Test
    void answers_503_with_a_problem_naming_the_service_that_is_down_and_how_to_fix_it() {
        client.get()
                .uri("/api/runs/5b0c3f4e-1d2a-4c55-9a43-3e1f0f6d8a10")
                .headers(h -> h.setBasicAuth("vera", VIEWER_PASSWORD))
                .exchange()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(503)
                .jsonPath("$.service")
                .isEqualTo("results-service")
                .jsonPath("$.title")
                .isEqualTo("results-service is unavailable")
                .jsonPath("$.detail")
                .value(detail -> org.assertj.core.api.Assertions.assertThat((String) detail)
                        .contains("127.0.0.1:" + RESULTS_PORT)
                        .contains("BENCHPULSE_RESULTS_URL"));
    }
}
