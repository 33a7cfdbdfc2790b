package dev.benchpulse.runner.run;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;

/**
 * A run request this instance is executing: where it came from, its worker thread, its current attempts (one per
 * run: an interleaved group has several) and when it last made headway. Its state leaves RUNNING once: FINISHED (the terminal event is acknowledged: commit past the
 * request), LOST (its worker hung or failed: deliver the request again) or ABANDONED (given up: shutting down, or
 * its partition went to another runner).
 */
final class InFlightRun implements AttemptObserver {

    enum State {
        RUNNING,
        FINISHED,
        LOST,
        ABANDONED
    }

    private final TopicPartition partition;
    private final long offset;
    private final UUID runId;
    private final List<UUID> executed;
    private final AttemptLedger.Entry ledger;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private volatile long headwayNanos = System.nanoTime();
    private volatile List<Current> attempts = List.of();
    private volatile Thread worker;
    private volatile WorkerSlots.RunSlot slot;

    /**
     * @param executed the runs the request executes (an interleaved group's leader executes the whole group)
     * @param ledger   the attempts count to restore when the run is given up without ending (null: none before)
     */
    InFlightRun(TopicPartition partition, long offset, UUID runId, List<UUID> executed, AttemptLedger.Entry ledger) {
        this.partition = partition;
        this.offset = offset;
        this.runId = runId;
        this.executed = List.copyOf(executed);
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

    /** The runs the request executes: its own, or every run of the group it leads (none when it does not lead). */
    List<UUID> executed() {
        return executed;
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
    public void attach(List<Current> attempts) {
        this.attempts = List.copyOf(attempts);
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

    /** Sends the heartbeat of each current attempt that published nothing for {@code interval}. */
    void heartbeat(Duration interval) {
        for (Current current : attempts) {
            current.heartbeat(interval);
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
