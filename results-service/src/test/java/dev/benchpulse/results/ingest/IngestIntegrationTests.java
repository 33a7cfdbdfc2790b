package dev.benchpulse.results.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.contracts.avro.RuntimeRef;
import dev.benchpulse.results.ResultsIntegrationTest;
import dev.benchpulse.testsupport.RunEvents;
import dev.benchpulse.testsupport.TopicPublisher;
import dev.benchpulse.testsupport.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The lifecycle and request topics against a real broker and a real database. */
class IngestIntegrationTests extends ResultsIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Test
    void a_requested_run_is_queued_until_it_starts() {
        RunEvents run = RunEvents.of("ingest-queued", "php-8.2", 3);
        requests().send(run.key(), run.requested());

        awaitStatus(run.runId(), "QUEUED");
        getRun(run.runId())
                .jsonPath("$.iterations")
                .isEqualTo(3)
                .jsonPath("$.completedIterations")
                .isEqualTo(0)
                .jsonPath("$.statistics")
                .doesNotExist();
    }

    @Test
    void events_that_arrive_before_the_request_complete_the_run_and_the_late_request_does_not_reset_it() {
        RunEvents run = RunEvents.of("ingest-early-events", "php-8.2", 3);
        publish(run, run.started(), run.progress(10), run.progress(20), run.progress(30), run.completed());
        awaitStatus(run.runId(), "COMPLETED");

        requests().send(run.key(), run.requested());

        await().atMost(WAIT)
                .untilAsserted(() -> getRun(run.runId())
                        .jsonPath("$.requestedAt")
                        .isNotEmpty()
                        .jsonPath("$.status")
                        .isEqualTo("COMPLETED")
                        .jsonPath("$.statistics.n")
                        .isEqualTo(3)
                        .jsonPath("$.statistics.median")
                        .isEqualTo(20.0));
    }

    @Test
    void duplicated_events_change_nothing() {
        RunEvents run = RunEvents.of("ingest-duplicates", "php-8.2", 3);
        var started = run.started();
        BenchmarkProgress first = run.progress(100);
        BenchmarkProgress second = run.progress(200);
        BenchmarkProgress third = run.progress(300);
        var completed = run.completed();
        publish(run, started, first, second, started, second, first, third, completed, third, completed);

        awaitStatus(run.runId(), "COMPLETED");
        assertThat(sampleTimes(run.runId())).containsExactly(100.0, 200.0, 300.0);
        getRun(run.runId())
                .jsonPath("$.completedIterations")
                .isEqualTo(3)
                .jsonPath("$.statistics.mean")
                .isEqualTo(200.0);
    }

    @Test
    void a_new_attempt_discards_the_samples_of_the_abandoned_one_and_its_late_samples_are_ignored() {
        RunEvents run = RunEvents.of("ingest-attempts", "php-8.2", 2);
        publish(run, run.started(), run.progress(1_000), run.progress(1_001));
        BenchmarkProgress lateOfFirstAttempt = run.progress(1_002);
        run.newAttempt();
        publish(run, run.started(), run.progress(50), lateOfFirstAttempt, run.progress(60), run.completed());

        awaitStatus(run.runId(), "COMPLETED");
        assertThat(sampleTimes(run.runId())).containsExactly(50.0, 60.0);
        getRun(run.runId())
                .jsonPath("$.statistics.n")
                .isEqualTo(2)
                .jsonPath("$.statistics.max")
                .isEqualTo(60.0);
    }

    @Test
    void a_run_that_fails_before_starting_is_failed_with_its_reason() {
        RunEvents run = RunEvents.of("ingest-unavailable", "php-9.9", 5);
        publish(run, run.failed(FailureReason.RUNTIME_UNAVAILABLE, "No PHP binary for php-9.9"));

        awaitStatus(run.runId(), "FAILED");
        getRun(run.runId())
                .jsonPath("$.failure.reason")
                .isEqualTo("RUNTIME_UNAVAILABLE")
                .jsonPath("$.failure.message")
                .isEqualTo("No PHP binary for php-9.9")
                .jsonPath("$.startedAt")
                .doesNotExist()
                .jsonPath("$.completedAt")
                .isNotEmpty();
    }

    @Test
    void a_refusal_by_the_runner_that_took_the_request_again_ends_a_run_whose_attempt_was_lost() {
        RunEvents lost = RunEvents.of("ingest-runner-lost", "php-8.2", 5);
        publish(lost, lost.started(), lost.progress(10));
        lost.newAttempt();
        publish(lost, lost.failed(FailureReason.RUNNER_LOST, "Runner lost: 3 attempt(s) of this run ended"));
        RunEvents cancelled = RunEvents.of("ingest-cancelled-after-crash", "php-8.2", 5);
        publish(cancelled, cancelled.started());
        cancelled.newAttempt();
        publish(cancelled, cancelled.failed(FailureReason.CANCELLED, "Cancelled by tests before it started"));

        awaitStatus(lost.runId(), "FAILED");
        getRun(lost.runId())
                .jsonPath("$.failure.reason")
                .isEqualTo("RUNNER_LOST")
                .jsonPath("$.failure.message")
                .isEqualTo("Runner lost: 3 attempt(s) of this run ended");
        awaitStatus(cancelled.runId(), "CANCELLED");
    }

    @Test
    void a_late_failure_of_an_attempt_that_started_before_the_current_one_is_ignored() {
        RunEvents run = RunEvents.of("ingest-late-failure", "php-8.2", 1);
        publish(run, run.started());
        BenchmarkFailed lateOfFirstAttempt = run.failed(FailureReason.INTERNAL, "the first attempt, late");
        run.newAttempt();
        publish(run, run.started(), lateOfFirstAttempt, run.progress(5), run.completed());

        awaitStatus(run.runId(), "COMPLETED");
        getRun(run.runId()).jsonPath("$.failure").doesNotExist();
    }

    @Test
    void a_cancelled_run_is_cancelled_and_a_script_error_keeps_its_section_and_line() {
        RunEvents cancelled = RunEvents.of("ingest-cancelled", "php-8.2", 5);
        requests().send(cancelled.key(), cancelled.requested());
        publish(cancelled, cancelled.failed(FailureReason.CANCELLED, "Cancelled by tests"));
        RunEvents broken = RunEvents.of("ingest-script-error", "php-8.2", 5);
        BenchmarkFailed scriptError = BenchmarkFailed.newBuilder(
                        broken.failed(FailureReason.SCRIPT_ERROR, "Undefined variable $x on line 3"))
                .setErrorSection("code")
                .setErrorLine(3)
                .build();
        publish(broken, broken.started(), scriptError);

        awaitStatus(cancelled.runId(), "CANCELLED");
        awaitStatus(broken.runId(), "FAILED");
        getRun(broken.runId())
                .jsonPath("$.failure.reason")
                .isEqualTo("SCRIPT_ERROR")
                .jsonPath("$.failure.errorSection")
                .isEqualTo("code")
                .jsonPath("$.failure.errorLine")
                .isEqualTo(3);
    }

    @Test
    void a_running_run_shows_the_statistics_of_its_samples_so_far() {
        RunEvents run = RunEvents.of("ingest-running", "php-8.2-jit", 10);
        BenchmarkStarted started = BenchmarkStarted.newBuilder(run.started())
                .setRuntime(new RuntimeRef("php-8.2-jit", "8.2.29", Map.of("opcache.jit", "tracing")))
                .build();
        publish(run, started, run.progress(10, 100, 4096), run.progress(30, 300, 8192), run.progress(20));

        await().atMost(WAIT)
                .untilAsserted(() -> getRun(run.runId())
                        .jsonPath("$.status")
                        .isEqualTo("RUNNING")
                        .jsonPath("$.iterations")
                        .isEqualTo(10)
                        .jsonPath("$.completedIterations")
                        .isEqualTo(3)
                        .jsonPath("$.statistics.n")
                        .isEqualTo(3)
                        .jsonPath("$.statistics.median")
                        .isEqualTo(20.0)
                        .jsonPath("$.statistics.memory.peakBytes")
                        .isEqualTo(2 * 1024 * 1024)
                        .jsonPath("$.phpVersion")
                        .isEqualTo("8.2.29")
                        .jsonPath("$.runtimeSettings['opcache.jit']")
                        .isEqualTo("tracing"));
    }

    @Test
    void a_record_that_cannot_be_decoded_goes_to_the_dead_letter_topic_and_the_consumer_continues() throws Exception {
        Topic<byte[], byte[]> deadLetters = Topics.BENCHMARK_EVENTS.deadLetter().orElseThrow();
        RunEvents run = RunEvents.of("ingest-poison", "php-8.2", 1);
        byte[] poison = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        try (TopicRecorder<byte[], byte[]> parked = TopicRecorder.start(deadLetters);
                TopicPublisher<byte[], byte[]> raw = TopicPublisher.raw(Topics.BENCHMARK_EVENTS)) {
            publish(run, run.started(), run.progress(5));
            raw.send(run.key().getBytes(StandardCharsets.UTF_8), poison);
            publish(run, run.progress(7), run.completed());

            List<ConsumerRecord<byte[], byte[]>> records =
                    parked.awaitRecords(r -> run.key().equals(new String(r.key(), StandardCharsets.UTF_8)), 1, WAIT);
            assertThat(records.getFirst().value()).isEqualTo(poison);
            awaitStatus(run.runId(), "COMPLETED");
            getRun(run.runId()).jsonPath("$.statistics.n").isEqualTo(2);
        }
    }

    @Test
    void consumption_is_measured() {
        double before = meters.counter("benchpulse.results.samples.stored").count();
        RunEvents run = RunEvents.of("ingest-metrics", "php-8.2", 2);
        publish(run, run.started(), run.progress(1), run.progress(2), run.completed());
        awaitStatus(run.runId(), "COMPLETED");

        assertThat(meters.counter("benchpulse.results.samples.stored").count()).isGreaterThanOrEqualTo(before + 2);
        assertThat(meters.counter("benchpulse.results.events.consumed", "type", "BenchmarkCompleted")
                        .count())
                .isGreaterThanOrEqualTo(1);
        assertThat(meters.timer("benchpulse.results.write").count()).isGreaterThanOrEqualTo(1);
    }
}
