package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.Events;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.RunCancelRequested;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.testsupport.TopicPublisher;
import dev.benchpulse.testsupport.TopicRecorder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Drives runs through Kafka the way other services do: publishes run requests and cancellations, and records the
 * lifecycle events the runners publish. Close it after the test class.
 */
final class RunLifecycle implements AutoCloseable {

    private final TopicRecorder<String, SpecificRecord> events = TopicRecorder.start(Topics.BENCHMARK_EVENTS);
    private final TopicPublisher<String, RunRequested> requests = TopicPublisher.to(Topics.RUN_REQUESTS);
    private final TopicPublisher<String, RunCancelRequested> control = TopicPublisher.to(Topics.RUN_CONTROL);

    UUID request(String benchmark, String runtime, int iterations, Integer warmup, Integer inner) {
        return request(UUID.randomUUID(), benchmark, runtime, iterations, warmup, inner);
    }

    UUID requestWithId(UUID runId, String benchmark, String runtime, int iterations) {
        return request(runId, benchmark, runtime, iterations, null, null);
    }

    private UUID request(UUID runId, String benchmark, String runtime, int iterations, Integer warmup, Integer inner) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        requests.send(
                runId.toString(),
                new RunRequested(
                        UUID.randomUUID(),
                        runId,
                        now,
                        benchmark,
                        runtime,
                        iterations,
                        warmup,
                        inner,
                        now,
                        "tester",
                        null,
                        null));
        return runId;
    }

    void cancel(UUID runId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        control.send(runId.toString(), new RunCancelRequested(UUID.randomUUID(), runId, now, now, "tester"));
    }

    /** Every event of the run so far, in order. */
    List<SpecificRecord> events(UUID runId) {
        return events.valuesWithKey(runId.toString());
    }

    /** Waits for the run's events up to and including {@code count} terminal events, and returns them all. */
    List<SpecificRecord> awaitTerminal(UUID runId, int count, Duration timeout) {
        events.awaitRecords(r -> r.key().equals(runId.toString()) && isTerminal(r), count, timeout);
        return events(runId);
    }

    List<SpecificRecord> awaitTerminal(UUID runId, Duration timeout) {
        return awaitTerminal(runId, 1, timeout);
    }

    /** Waits until at least {@code count} events of the run match. */
    List<SpecificRecord> await(UUID runId, Class<? extends SpecificRecord> type, int count, Duration timeout) {
        events.awaitRecords(r -> r.key().equals(runId.toString()) && type.isInstance(r.value()), count, timeout);
        return events(runId).stream().filter(type::isInstance).toList();
    }

    static UUID attemptOf(SpecificRecord event) {
        return Events.attemptId(event).orElseThrow();
    }

    private static boolean isTerminal(ConsumerRecord<String, SpecificRecord> record) {
        return record.value() instanceof BenchmarkCompleted || record.value() instanceof BenchmarkFailed;
    }

    @Override
    public void close() throws InterruptedException {
        events.close();
        requests.close();
        control.close();
    }
}
