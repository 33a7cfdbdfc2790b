package dev.benchpulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import dev.benchpulse.contracts.web.RunTopics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A benchmark run on two runtimes through the whole system: the API and the CLI start it, a browser-like client
 * watches it on the hub, the results API reports it; on the first two available runtimes and the first catalog
 * benchmark both can run ({@link CatalogChoice}).
 */
@ExtendWith(RunningStackExtension.class)
class RunBenchmarkEndToEndIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ITERATIONS = 5;

    private static String benchmark;
    private static List<String> runtimes;

    @BeforeAll
    static void catalog(RunningStack stack) throws Exception {
        CatalogChoice choice = CatalogChoice.of(stack);
        benchmark = choice.benchmark();
        runtimes = choice.runtimes();
    }

    @Test
    void a_run_on_two_runtimes_is_seen_live_in_order_and_its_statistics_match_its_samples(RunningStack stack)
            throws Exception {
        try (HubSubscription hub = HubSubscription.open(stack.gatewayUrl(), RunTopics.TEMPLATE)) {
            // When
            HttpResponse<String> accepted = stack.post(
                    "/api/runs",
                    "{\"benchmark\":\"" + benchmark
                            + "\",\"runtimes\":[\"" + String.join("\",\"", runtimes) + "\"],\"iterations\":"
                            + ITERATIONS + "}");

            // Then
            assertThat(accepted.statusCode()).isEqualTo(202);
            List<String> runIds = new ArrayList<>();
            JSON.readTree(accepted.body())
                    .path("runs")
                    .forEach(run -> runIds.add(run.path("id").asString()));
            assertThat(runIds).hasSize(2);
            List<JsonNode> updates = hub.awaitUpdates(
                    received -> runIds.stream()
                            .allMatch(id -> received.stream()
                                    .anyMatch(u -> id.equals(u.path("runId").asString())
                                            && u.path("type").asString().equals("benchmark.completed"))),
                    Duration.ofMinutes(3));
            for (String runId : runIds) {
                assertLifecycleInOrder(updates.stream()
                        .filter(u -> runId.equals(u.path("runId").asString()))
                        .toList());
                assertStatisticsMatchSamples(stack, runId);
            }
        }
    }

    @Test
    void the_cli_runs_it_and_prints_the_statistics_and_the_comparison(RunningStack stack) {
        RunningStack.CliRun run = stack.cli("run", benchmark, "-r", runtimes.get(0), "-r", runtimes.get(1), "-n", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Running " + benchmark + " on " + String.join(", ", runtimes))
                .containsPattern("median +mean ± 95% CI +p90 +p99 +cv +outliers")
                .contains(runtimes.get(0) + " vs " + runtimes.get(1) + ": median ratio");
    }

    @Test
    void the_cli_names_an_unknown_runtime(RunningStack stack) {
        RunningStack.CliRun run = stack.cli("run", benchmark, "-r", "no-such-runtime");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown runtime 'no-such-runtime'");
    }

    private static void assertLifecycleInOrder(List<JsonNode> updates) {
        List<String> types =
                updates.stream().map(u -> u.path("type").asString()).toList();
        assertThat(types.getFirst()).isEqualTo("benchmark.started");
        assertThat(types.getLast()).isEqualTo("benchmark.completed");
        List<Integer> iterations = updates.stream()
                .filter(u -> u.path("type").asString().equals("benchmark.progress"))
                .map(u -> u.path("currentIteration").asInt())
                .toList();
        assertThat(iterations).isSorted().doesNotHaveDuplicates().last().isEqualTo(ITERATIONS);
    }

    private static void assertStatisticsMatchSamples(RunningStack stack, String runId) throws Exception {
        JsonNode run = JSON.readTree(stack.get("/api/runs/" + runId).body());
        JsonNode samples =
                JSON.readTree(stack.get("/api/runs/" + runId + "/samples").body());
        assertThat(run.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(samples).hasSize(ITERATIONS);
        List<Double> times = new ArrayList<>();
        samples.forEach(s -> times.add(s.path("timePerOperationNanos").asDouble()));
        times.sort(Comparator.naturalOrder());
        double mean = times.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        JsonNode statistics = run.path("statistics");
        assertThat(statistics.path("n").asInt()).isEqualTo(ITERATIONS);
        assertThat(statistics.path("mean").asDouble()).isCloseTo(mean, withinPercentage(1e-6));
        assertThat(statistics.path("median").asDouble()).isEqualTo(times.get(ITERATIONS / 2));
        assertThat(statistics.path("min").asDouble()).isEqualTo(times.getFirst());
        assertThat(statistics.path("max").asDouble()).isEqualTo(times.getLast());
    }
}
