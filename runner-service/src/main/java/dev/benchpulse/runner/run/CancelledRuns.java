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
 * remembered, for as long as the control look-back, so a request picked up later is not executed. A run this
 * instance gives up without ending it (shutting down, its request moved to another runner, its worker hung) is
 * abandoned: stopped the same way, but marked so that nothing more of it is published.
 */
class CancelledRuns {

    private final Map<UUID, RunCancelRequested> cancels = new ConcurrentHashMap<>();
    private final Map<UUID, Tracked> running = new ConcurrentHashMap<>();
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
        Tracked tracked = running.get(request.getRunId());
        if (tracked != null) {
            tracked.cancellation().cancel();
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
        Tracked tracked = new Tracked(runId, this);
        running.put(runId, tracked);
        if (isCancelled(runId) || abandoned) {
            tracked.cancellation().cancel();
        }
        return tracked;
    }

    /**
     * This runner is shutting down: stops every run it executes (killing their PHP processes) so they end without a
     * terminal event and unacknowledged, and makes it take no new run.
     */
    void abandonAll() {
        abandoned = true;
        running.values().forEach(Tracked::abandon);
    }

    /** Stops one run this instance executes, without a terminal event: another attempt will run it. */
    void abandon(UUID runId) {
        Tracked tracked = running.get(runId);
        if (tracked != null) {
            tracked.abandon();
        }
    }

    boolean isAbandoned() {
        return abandoned;
    }

    private void forgetOlderThan(Instant cutoff) {
        cancels.values().removeIf(c -> c.getRequestedAt().isBefore(cutoff));
    }

    /** A run being executed: its cancellation fires when it is cancelled or abandoned. Close it when it ends. */
    static final class Tracked implements AutoCloseable {

        private final UUID runId;
        private final CancelledRuns owner;
        private final Cancellation cancellation = new Cancellation();
        private volatile boolean abandoned;

        private Tracked(UUID runId, CancelledRuns owner) {
            this.runId = runId;
            this.owner = owner;
        }

        Cancellation cancellation() {
            return cancellation;
        }

        /** Whether this instance gave the run up: nothing more of it may be published. */
        boolean isAbandoned() {
            return abandoned || owner.abandoned;
        }

        private void abandon() {
            abandoned = true;
            cancellation.cancel();
        }

        @Override
        public void close() {
            owner.running.remove(runId, this);
        }
    }
}
