package dev.benchpulse.runner.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.runner.RunnerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@RunnerIntegrationTest
class CalibrationIntegrationTests {

    @Autowired
    WebTestClient client;

    /** A script's calibrations: no JSON body, so the client header tells the servers it is no cross-site form. */
    @BeforeEach
    void asAScript() {
        client = client.mutate().defaultHeader(ApiHeaders.CLIENT, "test").build();
    }

    @Test
    void suggests_inner_iterations_for_a_sample_of_about_the_target_time() {
        Calibration calibration = client.post()
                .uri("/api/benchmarks/sleep-a-little/calibrate?runtime=php&targetMillis=100")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Calibration.class)
                .returnResult()
                .getResponseBody();

        // usleep(1000) takes a little more than a millisecond: about 100 fit in 100 ms
        assertThat(calibration.suggestedInnerIterations()).isBetween(50L, 100L);
        assertThat(calibration.nanosPerOperation()).isBetween(1_000_000.0, 2_000_000.0);
        assertThat(calibration.verifiedSampleMillis()).isBetween(50.0, 200.0);
        assertThat(calibration.catalogInnerIterations()).isEqualTo(1000);
        assertThat(calibration.runtime()).isEqualTo("php");
    }

    @Test
    void a_fast_body_gets_many_iterations() {
        Calibration calibration = client.post()
                .uri("/api/benchmarks/sum-ints/calibrate?runtime=php")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Calibration.class)
                .returnResult()
                .getResponseBody();

        assertThat(calibration.targetMillis()).isEqualTo(200);
        assertThat(calibration.suggestedInnerIterations()).isGreaterThan(100_000L);
        assertThat(calibration.verifiedSampleMillis()).isBetween(50.0, 800.0);
    }

    @Test
    void a_benchmark_that_fails_cannot_be_calibrated() {
        client.post()
                .uri("/api/benchmarks/undefined-variable/calibrate?runtime=php")
                .exchange()
                .expectStatus()
                .isEqualTo(422)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.reason")
                .isEqualTo("SCRIPT_ERROR")
                .jsonPath("$.errorSection")
                .isEqualTo("code")
                .jsonPath("$.errorLine")
                .isEqualTo(2)
                .jsonPath("$.detail")
                .value(containsString("Undefined variable $missing"));
    }

    @Test
    void the_runtime_is_required_and_must_be_usable() {
        client.post()
                .uri("/api/benchmarks/sum-ints/calibrate")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("runtime");
        client.post()
                .uri("/api/benchmarks/sum-ints/calibrate?runtime=php-missing")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].message")
                .value(containsString("unavailable"));
        client.post()
                .uri("/api/benchmarks/sum-ints/calibrate?runtime=php&targetMillis=1")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("targetMillis");
    }
}
