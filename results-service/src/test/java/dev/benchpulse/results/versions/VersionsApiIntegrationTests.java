package dev.benchpulse.results.versions;

import dev.benchpulse.results.ResultsIntegrationTest;
import dev.benchpulse.testsupport.RunEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/benchmarks/{slug}/versions}: a benchmark by PHP version against a baseline; {@code /api/speedups}: the
 * catalog's speed-up between two runtimes by category.
 */
class VersionsApiIntegrationTests extends ResultsIntegrationTest {

    static final Map<String, String> PLAIN = Map.of("zend.assertions", "-1", "opcache.enable_cli", "0");
    static final Map<String, String> JIT = Map.of("opcache.enable_cli", "1", "opcache.jit", "tracing");

    @Test
    void a_benchmark_has_one_row_per_runtime_ordered_by_php_version_with_ratios_to_the_oldest() {
        store("versions-a", "tests", "v-php-8.5-jit", "8.5.2", JIT, 40, 41, 39, 40, 42, 38);
        store("versions-a", "tests", "v-php-7.4", "7.4.33", PLAIN, 200, 210, 190, 205, 195, 200);
        store("versions-a", "tests", "v-php-8.5", "8.5.2", PLAIN, 100, 101, 99, 102, 98, 100);
        store("versions-a", "tests", "v-php-8.10", "8.10.0", PLAIN, 100, 101, 99, 102, 98, 100);

        client.get()
                .uri("/api/benchmarks/versions-a/versions")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.baseline")
                .isEqualTo("v-php-7.4")
                .jsonPath("$.rows[*].runtime")
                .isEqualTo(List.of("v-php-7.4", "v-php-8.5", "v-php-8.5-jit", "v-php-8.10"))
                .jsonPath("$.rows[0].ratio")
                .doesNotExist()
                .jsonPath("$.rows[0].median")
                .isEqualTo(200.0)
                .jsonPath("$.rows[0].p90")
                .isNumber()
                .jsonPath("$.rows[0].cv")
                .isNumber()
                .jsonPath("$.rows[1].jit")
                .isEqualTo(false)
                .jsonPath("$.rows[1].ratio.medianRatio")
                .isEqualTo(0.5)
                .jsonPath("$.rows[1].ratio.ci95.low")
                .isNumber()
                .jsonPath("$.rows[1].ratio.verdict")
                .isEqualTo("faster")
                .jsonPath("$.rows[2].jit")
                .isEqualTo(true)
                .jsonPath("$.rows[2].ratio.medianRatio")
                .isEqualTo(0.2);

        client.get()
                .uri("/api/benchmarks/versions-a/versions?baseline=v-php-8.5")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.baseline")
                .isEqualTo("v-php-8.5")
                .jsonPath("$.rows[0].ratio.medianRatio")
                .isEqualTo(2.0)
                .jsonPath("$.rows[0].ratio.verdict")
                .isEqualTo("slower")
                .jsonPath("$.rows[3].ratio.verdict")
                .isEqualTo("no-significant-difference");
    }

    @Test
    void an_unknown_baseline_or_benchmark_is_a_problem_saying_what_to_choose() {
        store("versions-b", "tests", "v-php-8.4", "8.4.14", PLAIN, 10, 11, 12);

        client.get()
                .uri("/api/benchmarks/versions-b/versions?baseline=nope")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .isEqualTo(
                        "Runtime 'nope' has no completed run of versions-b; choose a baseline " + "among v-php-8.4.");
        client.get()
                .uri("/api/benchmarks/versions-none/versions")
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void the_speedup_between_two_runtimes_is_summarised_per_category_with_a_geometric_mean() {
        store("speed-arrays-a", "speed-arrays", "s-php-7.4", "7.4.33", PLAIN, 400, 410, 390, 405, 395, 400);
        store("speed-arrays-a", "speed-arrays", "s-php-8.5", "8.5.2", PLAIN, 100, 101, 99, 102, 98, 100);
        store("speed-strings-a", "speed-strings", "s-php-7.4", "7.4.33", PLAIN, 200, 210, 190, 205, 195, 200);
        store("speed-strings-a", "speed-strings", "s-php-8.5", "8.5.2", PLAIN, 100, 101, 99, 102, 98, 100);
        store("speed-strings-b", "speed-strings", "s-php-7.4", "7.4.33", PLAIN, 800, 810, 790, 805, 795, 800);
        store("speed-strings-b", "speed-strings", "s-php-8.5", "8.5.2", PLAIN, 100, 101, 99, 102, 98, 100);
        store("speed-only-old", "speed-strings", "s-php-7.4", "7.4.33", PLAIN, 100, 101, 99);

        client.get()
                .uri("/api/speedups?from=s-php-7.4&to=s-php-8.5")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.overall.benchmarks")
                .isEqualTo(3)
                .jsonPath("$.categories[0].category")
                .isEqualTo("speed-arrays")
                .jsonPath("$.categories[0].speedup")
                .isEqualTo(4.0)
                .jsonPath("$.categories[1].category")
                .isEqualTo("speed-strings")
                .jsonPath("$.categories[1].benchmarks")
                .isEqualTo(2)
                .jsonPath("$.categories[1].speedup")
                .isEqualTo(4.0)
                .jsonPath("$.categories[1].minSpeedup")
                .isEqualTo(2.0)
                .jsonPath("$.categories[1].maxSpeedup")
                .isEqualTo(8.0)
                .jsonPath("$.categories[1].faster")
                .isEqualTo(2)
                .jsonPath("$.benchmarks[0].benchmark")
                .isEqualTo("speed-arrays-a")
                .jsonPath("$.benchmarks[0].ratio")
                .isEqualTo(0.25)
                .jsonPath("$.benchmarks[0].verdict")
                .isEqualTo("faster");
        client.get()
                .uri("/api/speedups?from=s-php-7.4&to=s-php-7.4")
                .exchange()
                .expectStatus()
                .isBadRequest();
    }

    private UUID store(
            String benchmark,
            String category,
            String runtime,
            String phpVersion,
            Map<String, String> settings,
            double... times) {
        RunEvents run = RunEvents.of(benchmark, category, runtime, phpVersion, settings, times.length);
        List<SpecificRecord> records = new ArrayList<>();
        records.add(run.started());
        for (double t : times) {
            records.add(run.progress(t));
        }
        records.add(run.completed());
        writer.write(records).block(WAIT);
        return run.runId();
    }
}
