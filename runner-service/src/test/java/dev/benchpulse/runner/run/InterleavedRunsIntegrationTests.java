package dev.benchpulse.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.Events;
import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.runner.RunnerIntegrationTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A request for one benchmark on several runtimes: by default one runner takes the runs' samples in turns, each
 * run keeping its own events; on request, the runs are independent.
 */
@RunnerIntegrationTest
class InterleavedRunsIntegrationTests {

    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static RunLifecycle runs;

    @Autowired
    WebTestClient client;

    @BeforeEach
    void start() {
        if (runs == null) {
            runs = new RunLifecycle();
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        runs.close();
        runs = null;
    }

    @Test
    void the_runs_of_one_benchmark_take_their_samples_in_turns_on_one_runner_each_with_its_own_events() {
        List<Map<String, Object>> queued = post("""
                {"benchmark": "sleep-a-little", "runtimes": ["php", "php-jit"], "iterations": 3, "innerIterations": 20}""");
        UUID php = runId(queued, 0);
        UUID jit = runId(queued, 1);
        assertThat(queued.get(0).get("groupId"))
                .isNotNull()
                .isEqualTo(queued.get(1).get("groupId"));

        List<SpecificRecord> phpEvents = runs.awaitTerminal(php, TIMEOUT);
        List<SpecificRecord> jitEvents = runs.awaitTerminal(jit, TIMEOUT);

        for (List<SpecificRecord> events : List.of(phpEvents, jitEvents)) {
            assertThat(events)
                    .extracting(e -> e.getClass().getSimpleName())
                    .containsExactly(
                            "BenchmarkStarted",
                            "BenchmarkProgress",
                            "BenchmarkProgress",
                            "BenchmarkProgress",
                            "BenchmarkCompleted");
            assertThat(events)
                    .extracting(RunLifecycle::attemptOf)
                    .containsOnly(RunLifecycle.attemptOf(events.getFirst()));
        }
        assertThat(((BenchmarkStarted) phpEvents.getFirst()).getRunnerInstanceId())
                .isEqualTo(((BenchmarkStarted) jitEvents.getFirst()).getRunnerInstanceId());
        assertThat(samplesInTimeOrder(phpEvents, jitEvents))
                .containsExactly("php", "php-jit", "php", "php-jit", "php", "php-jit");
    }

    @Test
    void a_block_size_takes_that_many_samples_of_a_runtime_before_the_next_ones_turn() {
        List<Map<String, Object>> queued = post("""
                {"benchmark": "sleep-a-little", "runtimes": ["php", "php-jit"], "iterations": 4, "innerIterations": 20,
                 "blockSize": 2}""");

        List<SpecificRecord> phpEvents = runs.awaitTerminal(runId(queued, 0), TIMEOUT);
        List<SpecificRecord> jitEvents = runs.awaitTerminal(runId(queued, 1), TIMEOUT);

        assertThat(samplesInTimeOrder(phpEvents, jitEvents))
                .containsExactly("php", "php", "php-jit", "php-jit", "php", "php", "php-jit", "php-jit");
    }

    @Test
    void cancelling_one_run_of_a_group_fails_it_and_the_others_take_all_their_samples() {
        List<Map<String, Object>> queued = post("""
                {"benchmark": "sleep-a-little", "runtimes": ["php", "php-jit"], "iterations": 4, "innerIterations": 150}""");
        UUID php = runId(queued, 0);
        UUID jit = runId(queued, 1);
        runs.await(php, BenchmarkProgress.class, 1, TIMEOUT);

        runs.cancel(php);

        BenchmarkFailed failed =
                (BenchmarkFailed) runs.awaitTerminal(php, TIMEOUT).getLast();
        assertThat(failed.getReason()).isEqualTo(FailureReason.CANCELLED);
        List<SpecificRecord> jitEvents = runs.awaitTerminal(jit, TIMEOUT);
        assertThat(jitEvents.getLast()).isInstanceOf(BenchmarkCompleted.class);
        assertThat(jitEvents.stream().filter(BenchmarkProgress.class::isInstance))
                .hasSize(4);
    }

    @Test
    void sequential_execution_runs_each_runtime_on_its_own() {
        List<Map<String, Object>> queued = post("""
                {"benchmark": "sum-ints", "runtimes": ["php", "php-jit"], "iterations": 2, "execution": "sequential"}""");

        assertThat(queued).allSatisfy(run -> assertThat(run.get("groupId")).isNull());
        assertThat(runs.awaitTerminal(runId(queued, 0), TIMEOUT).getLast()).isInstanceOf(BenchmarkCompleted.class);
        assertThat(runs.awaitTerminal(runId(queued, 1), TIMEOUT).getLast()).isInstanceOf(BenchmarkCompleted.class);
    }

    /** The runtime of every sample of both runs, in the order they were taken. */
    private static List<String> samplesInTimeOrder(List<SpecificRecord> a, List<SpecificRecord> b) {
        List<SpecificRecord> samples = new ArrayList<>();
        a.stream().filter(BenchmarkProgress.class::isInstance).forEach(samples::add);
        b.stream().filter(BenchmarkProgress.class::isInstance).forEach(samples::add);
        return samples.stream()
                .sorted(Comparator.comparing(e -> Events.occurredAt(e)))
                .map(e -> ((BenchmarkProgress) e).getRuntime().getId())
                .toList();
    }

    private List<Map<String, Object>> post(String json) {
        Map<String, Object> body = client.post()
                .uri("/api/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> queued = (List<Map<String, Object>>) body.get("runs");
        return queued;
    }

    private static UUID runId(List<Map<String, Object>> queued, int index) {
        return UUID.fromString((String) queued.get(index).get("id"));
    }
}
