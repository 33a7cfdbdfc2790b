package dev.benchpulse.runner.run;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.common.TopicPartition;

/**
 * A run request this instance is executing: where it came from, its worker thread, its current attempt and when it
 * last made headway. Its state leaves RUNNING once: FINISHED (the terminal event is acknowledged: commit past the
 * request), LOST (its worker hung or failed: deliver the request again) or ABANDONED (given up: shutting down, or
 * its partition went to another runner).
 */
final class InFlightRun implements AttemptObserver {

    enum State { RUNNING, FINISHED, LOST, ABANDONED }

    private final TopicPartition partition;
    private final long offset;
    private final UUID runId;
    private final AttemptLedger.Entry ledger;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private volatile long headwayNanos = System.nanoTime();
    private volatile RunEventPublisher.Attempt attempt;
    private volatile AttemptEvents events;
    private volatile Thread worker;
    private volatile WorkerSlots.RunSlot slot;

    /**
     * @param ledger the attempts count to restore when the run is given up without ending (null: none before)
     */
    InFlightRun(TopicPartition partition, long offset, UUID runId, AttemptLedger.Entry ledger) {
        this.partition = partition;
        this.offset = offset;
        this.runId = runId;
        this.ledger = ledger;
    }

    TopicPartition partition() {
        return partition;
    }

    long offset() {
        return offset;
    }

    UUID runId() {
        return runId;
    }

    /** The attempts count before this run started here, to restore when it is abandoned; null when there was none. */
    AttemptLedger.Entry ledgerBefore() {
        return ledger;
    }

    State state() {
        return state.get();
    }

    /** Leaves RUNNING for {@code to}; false when it already left. */
    boolean settle(State to) {
        return state.compareAndSet(State.RUNNING, to);
    }

    @Override
    public void attach(RunEventPublisher.Attempt attempt, AttemptEvents events) {
        this.events = events;
        this.attempt = attempt;
        alive();
    }

    @Override
    public void alive() {
        headwayNanos = System.nanoTime();
    }

    /** How long since the run last made headway. */
    Duration quietFor(long nowNanos) {
        return Duration.ofNanos(nowNanos - headwayNanos);
    }

    /** Sends the current attempt's heartbeat if it published nothing for {@code interval}. */
    void heartbeat(Duration interval) {
        RunEventPublisher.Attempt current = attempt;
        AttemptEvents currentEvents = events;
        if (current != null && currentEvents != null) {
            current.heartbeatIfQuiet(interval, () -> currentEvents.heartbeat(interval));
        }
    }

    void runsOn(Thread thread) {
        worker = thread;
    }

    /** The worker slot the run holds while it executes. */
    void holds(WorkerSlots.RunSlot held) {
        slot = held;
    }

    /** Gives the run's worker slot back on its behalf (a hung worker's thread may never return). */
    void releaseSlot() {
        WorkerSlots.RunSlot held = slot;
        if (held != null) {
            held.close();
        }
    }

    /** Interrupts the worker thread, so a worker blocked where an interrupt reaches gives up at once. */
    void interruptWorker() {
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
