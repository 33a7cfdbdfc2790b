package dev.benchpulse.results.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.benchpulse.results.ResultsIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code /api/benchmarks/{slug}/comparison} and its BMF export. */
class ComparisonApiIntegrationTests extends ResultsIntegrationTest {

    static final double[] FAST = {12.0, 15.5, 11.2, 14.8, 13.3, 16.1, 12.7};
    static final double[] SLOW = {18.2, 17.9, 21.4, 19.5, 20.3, 22.8};

    @Test
    void the_latest_completed_run_of_each_runtime_is_compared_pairwise() {
        storeCompleted("compare", "php-8.2", 100, 100, 100);
        UUID fast = storeCompleted("compare", "php-8.2", FAST);
        UUID slow = storeCompleted("compare", "php-8.3", SLOW);
        storeCompleted("compare", "php-8.4", SLOW);

        client.get()
                .uri("/api/benchmarks/compare/comparison?runtimes=php-8.2,php-8.3,php-8.4")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.benchmark")
                .isEqualTo("compare")
                .jsonPath("$.alpha")
                .isEqualTo(0.05)
                .jsonPath("$.runtimes[0].runId")
                .isEqualTo(fast.toString())
                .jsonPath("$.runtimes[0].statistics.median")
                .isEqualTo(13.3)
                .jsonPath("$.runtimes[1].runId")
                .isEqualTo(slow.toString())
                .jsonPath("$.pairs.length()")
                .isEqualTo(3)
                .jsonPath("$.pairs[0].a")
                .isEqualTo("php-8.2")
                .jsonPath("$.pairs[0].b")
                .isEqualTo("php-8.3")
                .jsonPath("$.pairs[0].medianRatio")
                .value(r -> assertThat(number(r)).isCloseTo(13.3 / 19.9, offset(1e-12)))
                .jsonPath("$.pairs[0].ci95.high")
                .value(h -> assertThat(number(h)).isLessThan(1.0))
                .jsonPath("$.pairs[0].pValue")
                .value(p -> assertThat(number(p)).isCloseTo(0.0011655011655011655, offset(1e-12)))
                .jsonPath("$.pairs[0].verdict")
                .isEqualTo("faster")
                .jsonPath("$.pairs[2].a")
                .isEqualTo("php-8.3")
                .jsonPath("$.pairs[2].verdict")
                .isEqualTo("no-significant-difference");
    }

    @Test
    void the_comparison_exports_to_bmf() {
        storeCompleted("compare-bmf", "php-8.2", FAST);
        storeCompleted("compare-bmf", "php-8.3", SLOW);

        client.get()
                .uri("/api/benchmarks/compare-bmf/comparison/bmf?runtimes=php-8.2,php-8.3")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$['compare-bmf/php-8.2'].latency.value")
                .isEqualTo(13.3)
                .jsonPath("$['compare-bmf/php-8.2'].latency.lower_value")
                .isNumber()
                .jsonPath("$['compare-bmf/php-8.2'].latency.upper_value")
                .isNumber()
                .jsonPath("$['compare-bmf/php-8.2'].throughput.value")
                .isNumber()
                .jsonPath("$['compare-bmf/php-8.3'].latency.value")
                .isEqualTo(19.9)
                .jsonPath("$['compare-bmf/php-8.2-vs-php-8.3']['median-ratio'].value")
                .isNumber()
                .jsonPath("$['compare-bmf/php-8.2-vs-php-8.3']['median-ratio'].upper_value")
                .isNumber();
    }

    @Test
    void a_run_exports_to_bmf() {
        UUID id = storeCompleted("run-bmf", "php-8.2", FAST);

        client.get()
                .uri("/api/runs/{id}/bmf", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(1)
                .jsonPath("$['run-bmf/php-8.2'].latency.value")
                .isEqualTo(13.3)
                .jsonPath("$['run-bmf/php-8.2'].latency.lower_value")
                .value(l -> assertThat(number(l)).isLessThanOrEqualTo(13.3))
                .jsonPath("$['run-bmf/php-8.2'].throughput.lower_value")
                .isNumber();
    }

    @Test
    void a_runtime_without_a_completed_run_is_a_404_and_fewer_than_two_runtimes_a_400() {
        storeCompleted("compare-missing", "php-8.2", FAST);

        client.get()
                .uri("/api/benchmarks/compare-missing/comparison?runtimes=php-8.2,php-7.4")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("php-7.4"));
        client.get()
                .uri("/api/benchmarks/compare-missing/comparison?runtimes=php-8.2")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("runtimes=php-8.2,"));
        client.get()
                .uri("/api/benchmarks/compare-missing/comparison")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private static double number(Object json) {
        return ((Number) json).doubleValue();
    }
}
