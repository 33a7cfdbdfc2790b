package dev.benchpulse.testsupport;

import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkRef;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.contracts.avro.RunCancelRequested;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.avro.RuntimeRef;
import dev.benchpulse.contracts.avro.Sample;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the records of one run as a runner would publish them: one attempt at a time, sequence numbers and
 * iterations counted for you. Not thread-safe; one per run.
 */
public final class RunEvents {

    private final UUID runId;
    private final BenchmarkRef benchmark;
    private final RuntimeRef runtime;
    private final int totalIterations;
    private UUID attemptId = UUID.randomUUID();
    private int sequence;
    private int iteration;

    private RunEvents(UUID runId, BenchmarkRef benchmark, RuntimeRef runtime, int totalIterations) {
        this.runId = runId;
        this.benchmark = benchmark;
        this.runtime = runtime;
        this.totalIterations = totalIterations;
    }

    public static RunEvents of(String slug, String runtimeId, int totalIterations) {
        return new RunEvents(
                UUID.randomUUID(),
                new BenchmarkRef(slug, slug.replace('-', ' '), "tests"),
                new RuntimeRef(runtimeId, "8.2.0", Map.of()),
                totalIterations);
    }

    /** A run of a benchmark of {@code category} on a runtime reporting {@code phpVersion} and {@code settings}. */
    public static RunEvents of(
            String slug,
            String category,
            String runtimeId,
            String phpVersion,
            Map<String, String> settings,
            int totalIterations) {
        return new RunEvents(
                UUID.randomUUID(),
                new BenchmarkRef(slug, slug.replace('-', ' '), category),
                new RuntimeRef(runtimeId, phpVersion, settings),
                totalIterations);
    }

    public UUID runId() {
        return runId;
    }

    public String key() {
        return runId.toString();
    }

    public UUID attemptId() {
        return attemptId;
    }

    /** Starts a new attempt of the same run, as a runner does after another one died mid-run. */
    public RunEvents newAttempt() {
        attemptId = UUID.randomUUID();
        sequence = 0;
        iteration = 0;
        return this;
    }

    public RunRequested requested() {
        Instant now = now();
        return new RunRequested(
                UUID.randomUUID(),
                runId,
                now,
                benchmark.getSlug(),
                runtime.getId(),
                totalIterations,
                null,
                null,
                now,
                "tests",
                null,
                null);
    }

    public RunCancelRequested cancelRequested() {
        Instant now = now();
        return new RunCancelRequested(UUID.randomUUID(), runId, now, now, "tests");
    }

    public BenchmarkStarted started() {
        return new BenchmarkStarted(
                UUID.randomUUID(),
                runId,
                attemptId,
                sequence++,
                now(),
                benchmark,
                runtime,
                totalIterations,
                10,
                1000,
                "test-runner");
    }

    public BenchmarkProgress progress(double nanosPerOperation) {
        return progress(nanosPerOperation, 1024, 2 * 1024 * 1024);
    }

    public BenchmarkProgress progress(double nanosPerOperation, long memoryUsed, long peakMemory) {
        return new BenchmarkProgress(
                UUID.randomUUID(),
                runId,
                attemptId,
                sequence++,
                now(),
                benchmark,
                runtime,
                ++iteration,
                totalIterations,
                new Sample(nanosPerOperation, memoryUsed, peakMemory));
    }

    /** The end of the attempt, reporting every sample built so far as taken. */
    public BenchmarkCompleted completed() {
        return completed(iteration);
    }

    /**
     * The end of the attempt, reporting {@code samplesTaken} samples (more than were published: some got lost);
     * null as a version-1 producer writes it, with every sample built so far as its total.
     */
    public BenchmarkCompleted completed(Integer samplesTaken) {
        return new BenchmarkCompleted(
                UUID.randomUUID(),
                runId,
                attemptId,
                sequence++,
                now(),
                benchmark,
                runtime,
                samplesTaken == null ? iteration : samplesTaken,
                1000L,
                samplesTaken);
    }

    public BenchmarkFailed failed(FailureReason reason, String message) {
        return new BenchmarkFailed(
                UUID.randomUUID(),
                runId,
                attemptId,
                sequence++,
                now(),
                benchmark,
                runtime,
                iteration,
                reason,
                message,
                null,
                null);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
