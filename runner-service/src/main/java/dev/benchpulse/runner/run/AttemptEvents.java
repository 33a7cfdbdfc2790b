package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkHeartbeat;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkRef;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.contracts.avro.RuntimeRef;
import dev.benchpulse.contracts.avro.Sample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Builds the lifecycle events of one attempt of a run: a new {@code attemptId}, and {@code sequence} counting
 * from 0 in publication order. One per attempt; its worker and the heartbeats of {@link AttemptWatch} share it, so
 * each event is built under its lock.
 */
final class AttemptEvents {

    private final UUID runId;
    private final UUID attemptId = UUID.randomUUID();
    private final BenchmarkRef benchmark;
    private final RuntimeRef runtime;
    private final Clock clock;
    private int sequence;
    private int total = -1;
    private int samplesTaken;
    private String instanceId;

    AttemptEvents(UUID runId, BenchmarkRef benchmark, RuntimeRef runtime, Clock clock) {
        this.runId = runId;
        this.benchmark = benchmark;
        this.runtime = runtime;
        this.clock = clock;
    }

    UUID runId() {
        return runId;
    }

    UUID attemptId() {
        return attemptId;
    }

    synchronized BenchmarkStarted started(int total, int warmup, int inner, String instanceId) {
        this.total = total;
        this.instanceId = instanceId;
        return new BenchmarkStarted(
                UUID.randomUUID(),
                runId,
                attemptId,
                sequence++,
                now(),
                benchmark,
                runtime,
                total,
                warmup,
                inner,
                instanceId);
    }

    synchronized BenchmarkProgress progress(int iteration, int total, Sample sample) {
        samplesTaken = iteration;
        return new BenchmarkProgress(
                UUID.randomUUID(), runId, attemptId, sequence++, now(), benchmark, runtime, iteration, total, sample);
    }

    /** The end of an attempt that took all {@code total} samples (published one progress event each). */
    synchronized BenchmarkCompleted completed(int total, long wallTimeMillis) {
        return new BenchmarkCompleted(
                UUID.randomUUID(),
                runId,
                attemptId,
                sequence++,
                now(),
                benchmark,
                runtime,
                total,
                wallTimeMillis,
                total);
    }

    synchronized BenchmarkFailed failed(
            int iterationReached, FailureReason reason, String message, Section section, Integer line) {
        return new BenchmarkFailed(
                UUID.randomUUID(),
                runId,
                attemptId,
                sequence++,
                now(),
                benchmark,
                runtime,
                iterationReached,
                reason,
                message,
                section == null ? null : section.field(),
                line);
    }

    /** A heartbeat of the attempt, or null before it started (it has not said where it runs yet). */
    synchronized BenchmarkHeartbeat heartbeat(Duration interval) {
        if (total < 0) {
            return null;
        }
        return new BenchmarkHeartbeat(
                UUID.randomUUID(),
                runId,
                attemptId,
                sequence++,
                now(),
                benchmark,
                runtime,
                samplesTaken,
                total,
                instanceId,
                interval.toMillis());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
