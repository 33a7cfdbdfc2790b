package dev.benchpulse.runner.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Events;
import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.runner.RunnerIntegrationTest;
import dev.benchpulse.runner.TestFixtures;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@RunnerIntegrationTest
class RunWorkerIntegrationTests {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static RunLifecycle runs;

    @Autowired
    WebTestClient client;

    @Autowired
    CancelledRuns cancelledRuns;

    /** After the context is up, so the registry topics exist with their partitions before anyone subscribes. */
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

    static BenchmarkFailed failure(List<SpecificRecord> events) {
        assertThat(events.getLast()).isInstanceOf(BenchmarkFailed.class);
        return (BenchmarkFailed) events.getLast();
    }

    @Test
    void a_run_publishes_started_one_progress_per_sample_and_completed_in_one_attempt() {
        UUID run = runs.request("sum-ints", "php", 3, null, 500);

        List<SpecificRecord> events = runs.awaitTerminal(run, TIMEOUT);

        assertThat(events).hasSize(5);
        assertThat(events.getFirst()).isInstanceOfSatisfying(BenchmarkStarted.class, started -> {
            assertThat(started.getTotalIterations()).isEqualTo(3);
            assertThat(started.getWarmupIterations()).isEqualTo(10);
            assertThat(started.getInnerIterations()).isEqualTo(500);
            assertThat(started.getRunnerInstanceId()).isEqualTo("test-runner");
            assertThat(started.getBenchmark().getName()).isEqualTo("$a + $b");
            assertThat(started.getBenchmark().getCategory()).isEqualTo("arithmetic");
            assertThat(started.getRuntime().getPhpVersion()).isEqualTo(TestFixtures.localPhpVersion());
        });
        assertThat(events.subList(1, 4))
                .allSatisfy(e -> assertThat(e).isInstanceOfSatisfying(BenchmarkProgress.class, progress -> {
                    assertThat(progress.getTotalIterations()).isEqualTo(3);
                    assertThat(progress.getSample().getTimePerOperationNanos()).isGreaterThan(0);
                    assertThat(progress.getSample().getPeakMemoryBytes()).isGreaterThan(0);
                }));
        assertThat(events.subList(1, 4))
                .extracting(e -> ((BenchmarkProgress) e).getCurrentIteration())
                .containsExactly(1, 2, 3);
        assertThat(events.getLast())
                .isInstanceOfSatisfying(
                        BenchmarkCompleted.class,
                        completed -> assertThat(completed.getTotalIterations()).isEqualTo(3));
        assertThat(events).extracting(e -> Events.sequence(e).orElseThrow()).containsExactly(0, 1, 2, 3, 4);
        assertThat(events).extracting(RunLifecycle::attemptOf).containsOnly(RunLifecycle.attemptOf(events.getFirst()));
        assertThat(events).extracting(Events::eventId).doesNotHaveDuplicates();
    }

    @Test
    void a_run_on_the_jit_runtime_carries_its_settings() {
        UUID run = runs.request("str-contains-native", "php-jit", 1, 10, 100);

        BenchmarkStarted started =
                (BenchmarkStarted) runs.awaitTerminal(run, TIMEOUT).getFirst();

        assertThat(started.getRuntime().getId()).isEqualTo("php-jit");
        assertThat(started.getRuntime().getSettings()).containsEntry("opcache.jit", "tracing");
    }

    @Test
    void counts_samples_and_failures_in_metrics() {
        UUID run = runs.request("undefined-variable", "php", 1, null, null);
        runs.awaitTerminal(run, TIMEOUT);

        client.get()
                .uri("/actuator/metrics/benchpulse.runner.samples?tag=outcome:script_error")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.measurements[0].value")
                .value(v -> assertThat(((Number) v).doubleValue()).isPositive());
        client.get()
                .uri("/actuator/metrics/benchpulse.runner.runs.failed?tag=reason:SCRIPT_ERROR")
                .exchange()
                .expectStatus()
                .isOk();
        client.get()
                .uri("/actuator/metrics/benchpulse.runner.sample.duration")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.measurements[?(@.statistic == 'COUNT')].value")
                .exists();
    }

    @Nested
    class Failures {

        @Test
        void a_php_error_fails_the_run_with_script_error_and_the_line_in_code() {
            UUID run = runs.request("undefined-variable", "php", 3, null, null);

            List<SpecificRecord> events = runs.awaitTerminal(run, TIMEOUT);

            assertThat(events).hasSize(2).first().isInstanceOf(BenchmarkStarted.class);
            BenchmarkFailed failed = failure(events);
            assertThat(failed.getReason()).isEqualTo(FailureReason.SCRIPT_ERROR);
            assertThat(failed.getIterationReached()).isZero();
            assertThat(failed.getErrorSection()).isEqualTo("code");
            assertThat(failed.getErrorLine()).isEqualTo(2);
            assertThat(failed.getMessage()).contains("Undefined variable $missing");
            assertThat(failed.getSequence()).isEqualTo(1);
        }

        @Test
        void a_sample_over_the_timeout_fails_the_run_with_timeout() {
            UUID run = runs.request("spin-forever", "php", 2, null, null);

            BenchmarkFailed failed = failure(runs.awaitTerminal(run, TIMEOUT));

            assertThat(failed.getReason()).isEqualTo(FailureReason.TIMEOUT);
            assertThat(failed.getMessage()).contains("did not finish within 6 s");
            assertThat(failed.getErrorSection()).isNull();
        }

        @Test
        void a_runtime_that_cannot_start_fails_the_run_with_runtime_unavailable_before_it_starts() {
            UUID run = runs.request("sum-ints", "php-missing", 1, null, null);

            List<SpecificRecord> events = runs.awaitTerminal(run, TIMEOUT);

            assertThat(events).hasSize(1);
            BenchmarkFailed failed = failure(events);
            assertThat(failed.getReason()).isEqualTo(FailureReason.RUNTIME_UNAVAILABLE);
            assertThat(failed.getMessage()).contains("php-missing", "Cannot start");
            assertThat(failed.getRuntime().getPhpVersion()).isNull();
            assertThat(failed.getSequence()).isZero();
        }

        @Test
        void an_unknown_runtime_fails_the_run_with_runtime_unavailable() {
            UUID run = runs.request("sum-ints", "php-7.0", 1, null, null);

            BenchmarkFailed failed = failure(runs.awaitTerminal(run, TIMEOUT));

            assertThat(failed.getReason()).isEqualTo(FailureReason.RUNTIME_UNAVAILABLE);
            assertThat(failed.getMessage()).contains("unknown runtime 'php-7.0'");
        }

        @Test
        void a_benchmark_missing_from_the_catalog_fails_the_run_as_internal() {
            UUID run = runs.request("broken-no-code", "php", 1, null, null);

            BenchmarkFailed failed = failure(runs.awaitTerminal(run, TIMEOUT));

            assertThat(failed.getReason()).isEqualTo(FailureReason.INTERNAL);
            assertThat(failed.getMessage()).contains("not in the catalog");
        }
    }

    @Nested
    class Cancellation {

        @Test
        void cancelling_a_running_run_kills_its_php_process_and_fails_it_as_cancelled() {
            String body = client.post()
                    .uri("/api/runs")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"benchmark\": \"sleep-a-little\", \"runtimes\": [\"php\"], \"iterations\": 2, "
                            + "\"innerIterations\": 100000}")
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody(String.class)
                    .returnResult()
                    .getResponseBody();
            UUID run = UUID.fromString(body.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1"));
            runs.await(run, BenchmarkStarted.class, 1, TIMEOUT);
            List<ProcessHandle> php =
                    await().atMost(TIMEOUT).until(RunWorkerIntegrationTests::phpProcesses, p -> !p.isEmpty());

            client.delete()
                    .uri("/api/runs/{id}", run)
                    .header(ApiHeaders.IDENTITY, TestFixtures.identity("grace"))
                    .header(ApiHeaders.CLIENT, "test")
                    .exchange()
                    .expectStatus()
                    .isAccepted();

            BenchmarkFailed failed = failure(runs.awaitTerminal(run, Duration.ofSeconds(10)));
            assertThat(failed.getReason()).isEqualTo(FailureReason.CANCELLED);
            assertThat(failed.getIterationReached()).isZero();
            assertThat(failed.getMessage())
                    .isEqualTo("Cancelled by grace during sample 1 of 2; its PHP process was killed");
            assertThat(php).noneMatch(ProcessHandle::isAlive);
        }

        @Test
        void a_request_cancelled_while_queued_fails_as_cancelled_without_being_executed() {
            UUID run = UUID.randomUUID();
            runs.cancel(run);
            await().atMost(TIMEOUT).until(() -> cancelledRuns.isCancelled(run));
            UUID requested = runs.requestWithId(run, "sum-ints", "php", 3);

            List<SpecificRecord> events = runs.awaitTerminal(requested, TIMEOUT);

            assertThat(events).hasSize(1);
            BenchmarkFailed failed = failure(events);
            assertThat(failed.getReason()).isEqualTo(FailureReason.CANCELLED);
            assertThat(failed.getMessage()).isEqualTo("Cancelled by tester before it started; nothing was executed");
            assertThat(failed.getSequence()).isZero();
        }
    }

    static List<ProcessHandle> phpProcesses() {
        return ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().command().map(c -> c.contains("/php")).orElse(false))
                .toList();
    }
}
