package dev.benchpulse.results.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.benchpulse.results.ResultsIntegrationTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;

/** {@code /api/benchmarks/{slug}/history}, pinned baselines and regression thresholds. */
class HistoryApiIntegrationTests extends ResultsIntegrationTest {

    @Autowired
    DatabaseClient db;

    @Test
    void each_completed_run_is_a_point_checked_against_the_previous_one() {
        UUID first = storeCompleted("history", "php-8.2", 100, 101, 99, 100, 100);
        UUID second = storeCompleted("history", "php-8.2", 105, 104, 106, 105, 105);
        UUID third = storeCompleted("history", "php-8.2", 120, 121, 119, 120, 120);
        storeCompleted("history", "php-8.3", 1, 2, 3);

        client.get()
                .uri("/api/benchmarks/history/history?runtime=php-8.2")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.threshold")
                .isEqualTo(0.10)
                .jsonPath("$.pinnedBaseline")
                .doesNotExist()
                .jsonPath("$.points.length()")
                .isEqualTo(3)
                .jsonPath("$.points[0].runId")
                .isEqualTo(first.toString())
                .jsonPath("$.points[0].median")
                .isEqualTo(100.0)
                .jsonPath("$.points[0].n")
                .isEqualTo(5)
                .jsonPath("$.points[0].phpVersion")
                .isEqualTo("8.2.0")
                .jsonPath("$.points[0].ci95.low")
                .isNumber()
                .jsonPath("$.points[0].completedAt")
                .isNotEmpty()
                .jsonPath("$.points[0].regression")
                .isEqualTo(false)
                .jsonPath("$.points[1].baselineRunId")
                .isEqualTo(first.toString())
                .jsonPath("$.points[1].regression")
                .isEqualTo(false)
                .jsonPath("$.points[2].baselineRunId")
                .isEqualTo(second.toString())
                .jsonPath("$.points[2].regression")
                .isEqualTo(true)
                .jsonPath("$.latest.runId")
                .isEqualTo(third.toString())
                .jsonPath("$.latest.baselineRunId")
                .isEqualTo(second.toString())
                .jsonPath("$.latest.pinned")
                .isEqualTo(false)
                .jsonPath("$.latest.regression")
                .isEqualTo(true)
                .jsonPath("$.latest.pValue")
                .value(p -> assertThat(number(p)).isLessThan(0.05));
    }

    @Test
    void a_benchmarks_own_threshold_and_a_pinned_baseline_change_the_check() {
        UUID first = storeCompleted("history-pinned", "php-8.2", 100, 100, 100);
        storeCompleted("history-pinned", "php-8.2", 112, 112, 112);
        storeCompleted("history-pinned", "php-8.2", 118, 118, 118);

        client.put()
                .uri("/api/benchmarks/history-pinned/regression-threshold")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("threshold", 0.15))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.threshold")
                .isEqualTo(0.15);
        client.get()
                .uri("/api/benchmarks/history-pinned/history?runtime=php-8.2")
                .exchange()
                .expectBody()
                .jsonPath("$.threshold")
                .isEqualTo(0.15)
                .jsonPath("$.latest.regression")
                .isEqualTo(false);

        client.put()
                .uri("/api/benchmarks/history-pinned/baseline?runtime=php-8.2&runId={id}", first)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.runId")
                .isEqualTo(first.toString());
        client.get()
                .uri("/api/benchmarks/history-pinned/history?runtime=php-8.2")
                .exchange()
                .expectBody()
                .jsonPath("$.pinnedBaseline")
                .isEqualTo(first.toString())
                .jsonPath("$.points[1].baselineRunId")
                .isEqualTo(first.toString())
                .jsonPath("$.points[1].regression")
                .isEqualTo(false)
                .jsonPath("$.points[2].regression")
                .isEqualTo(true)
                .jsonPath("$.latest.pinned")
                .isEqualTo(true)
                .jsonPath("$.latest.baselineRunId")
                .isEqualTo(first.toString())
                .jsonPath("$.latest.regression")
                .isEqualTo(true);

        client.delete()
                .uri("/api/benchmarks/history-pinned/baseline?runtime=php-8.2")
                .exchange()
                .expectStatus()
                .isNoContent();
        client.delete()
                .uri("/api/benchmarks/history-pinned/regression-threshold")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.threshold")
                .isEqualTo(0.10);
        client.get()
                .uri("/api/benchmarks/history-pinned/history?runtime=php-8.2")
                .exchange()
                .expectBody()
                .jsonPath("$.pinnedBaseline")
                .doesNotExist()
                .jsonPath("$.latest.change")
                .value(c -> assertThat(number(c)).isCloseTo(118.0 / 112 - 1, offset(1e-12)))
                .jsonPath("$.latest.regression")
                .isEqualTo(false);
    }

    @Test
    void invalid_baselines_and_thresholds_are_rejected_with_a_reason() {
        UUID other = storeCompleted("history-invalid-other", "php-8.2", 1, 2);
        storeCompleted("history-invalid", "php-8.3", 1, 2);

        client.put()
                .uri("/api/benchmarks/history-invalid/baseline?runtime=php-8.2&runId={id}", other)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("COMPLETED run of"));
        client.put()
                .uri("/api/benchmarks/history-invalid/baseline?runtime=php-8.2&runId={id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound();
        client.put()
                .uri("/api/benchmarks/history-invalid/regression-threshold")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("threshold", -1))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("threshold"));
        client.get()
                .uri("/api/benchmarks/history-invalid/history")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("runtime"));
    }

    @Test
    void a_benchmark_without_runs_is_unknown_to_every_route_and_nothing_is_stored_for_it() {
        client.get()
                .uri("/api/benchmarks/no-such-benchmark/history?runtime=php-8.2")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(d ->
                        assertThat((String) d).contains("'no-such-benchmark'").contains("GET /api/benchmarks"));
        client.put()
                .uri("/api/benchmarks/no-such-benchmark/regression-threshold")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("threshold", 0.05))
                .exchange()
                .expectStatus()
                .isNotFound();
        client.delete()
                .uri("/api/benchmarks/no-such-benchmark/regression-threshold")
                .exchange()
                .expectStatus()
                .isNotFound();
        client.put()
                .uri("/api/benchmarks/no-such-benchmark/baseline?runtime=php-8.2&runId={id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound();
        client.delete()
                .uri("/api/benchmarks/no-such-benchmark/baseline?runtime=php-8.2")
                .exchange()
                .expectStatus()
                .isNotFound();
        client.get()
                .uri("/api/benchmarks/no-such-benchmark/comparison?runtimes=php-8.2,php-8.3")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("'no-such-benchmark'"));
        client.get()
                .uri("/api/benchmarks/no-such-benchmark/comparison/bmf?runtimes=php-8.2,php-8.3")
                .exchange()
                .expectStatus()
                .isNotFound();

        assertThat(db.sql("SELECT count(*) FROM benchmark_settings WHERE benchmark = 'no-such-benchmark'")
                        .map(row -> row.get(0, Long.class))
                        .one()
                        .block())
                .isZero();
    }

    private static double number(Object json) {
        return ((Number) json).doubleValue();
    }
}
