package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.avro.RunCancelRequested;
import dev.benchpulse.runner.process.Cancellation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cancellations this runner instance has read from the control topic, and the runs it is executing: a cancel
 * for a running run fires that run's {@link Cancellation} (killing its PHP process); a cancel for any other run is
 * remembered, for as long as the control look-back, so a request picked up later is not executed.
 */
class CancelledRuns {

    private final Map<UUID, RunCancelRequested> cancels = new ConcurrentHashMap<>();
    private final Map<UUID, Cancellation> running = new ConcurrentHashMap<>();
    private final Duration retention;
    private final Clock clock;
    private volatile boolean abandoned;

    CancelledRuns(Duration retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
    }

    /** Records a cancel request and stops the run if this instance is executing it. */
    void cancel(RunCancelRequested request) {
        cancels.put(request.getRunId(), request);
        Cancellation cancellation = running.get(request.getRunId());
        if (cancellation != null) {
            cancellation.cancel();
        }
        forgetOlderThan(clock.instant().minus(retention));
    }

    boolean isCancelled(UUID runId) {
        return cancels.containsKey(runId);
    }

    /** Who cancelled the run, if it was. */
    Optional<String> cancelledBy(UUID runId) {
        return Optional.ofNullable(cancels.get(runId)).map(RunCancelRequested::getRequestedBy);
    }

    /** Starts tracking a run this instance executes; the cancellation is already fired if a cancel was read. */
    Tracked track(UUID runId) {
        Cancellation cancellation = new Cancellation();
        running.put(runId, cancellation);
        if (isCancelled(runId)) {
            cancellation.cancel();
        }
        return new Tracked(cancellation, () -> running.remove(runId, cancellation));
    }

    /**
     * This runner is shutting down: stops every run it executes (killing their PHP processes) so they end without a
     * terminal event and unacknowledged, and makes it take no new run.
     */
    void abandonAll() {
        abandoned = true;
        running.values().forEach(Cancellation::cancel);
    }

    boolean isAbandoned() {
        return abandoned;
    }

    private void forgetOlderThan(Instant cutoff) {
        cancels.values().removeIf(c -> c.getRequestedAt().isBefore(cutoff));
    }

    /**
     * A run being executed.
     *
     * @param cancellation fires when the run is cancelled
     * @param release      stops tracking
     */
    record Tracked(Cancellation cancellation, Runnable release) implements AutoCloseable {
        @Override
        public void close() {
            release.run();
        }
    }
}
