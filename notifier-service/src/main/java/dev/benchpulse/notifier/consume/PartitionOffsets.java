package dev.benchpulse.notifier.consume;

import dev.benchpulse.notifier.relay.Delivery;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.Acknowledgment;

/**
 * The offsets read from one partition and not yet committed, in order. When the oldest ones are settled, the
 * acknowledgment of the last of them commits up to it: nothing unsettled is ever committed, whatever order updates
 * settle in. Offsets the listener never saw (records the error handler sent to the dead-letter topic) do not hold
 * the commit back.
 * <p>
 * With a commit interval the acknowledgment waits for {@link #flush()}, which the tracker calls on that interval:
 * every acknowledgment is a synchronous offset commit on the consumer's thread, which would otherwise commit once
 * per event at high rates (a broker round trip each, while the consumer does not fetch).
 * <p>
 * This is the bookkeeping spring-kafka's {@code asyncAcks} would do, kept here because that option pauses the whole
 * consumer until a poll's records are all acknowledged (see {@link CommitTracker}), where this pauses one partition
 * past a bound and resumes it at half of it.
 */
final class PartitionOffsets {

    private final class Entry implements Delivery {

        private final long offset;
        private final Acknowledgment acknowledgment;
        private boolean settled;

        Entry(long offset, Acknowledgment acknowledgment) {
            this.offset = offset;
            this.acknowledgment = acknowledgment;
        }

        @Override
        public void settled() {
            settle(this);
        }
    }

    private final TopicPartition partition;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final PartitionGate gate;
    private final int limit;
    private final boolean deferred;
    private Acknowledgment pending;
    private boolean paused;
    private boolean revoked;

    PartitionOffsets(TopicPartition partition, PartitionGate gate, int limit) {
        this(partition, gate, limit, false);
    }

    /** With {@code deferred}, acknowledgments wait for {@link #flush()}; otherwise they go at once. */
    PartitionOffsets(TopicPartition partition, PartitionGate gate, int limit, boolean deferred) {
        this.partition = partition;
        this.gate = gate;
        this.limit = limit;
        this.deferred = deferred;
    }

    /** Starts tracking a record read from the partition; a record read again gets its existing entry back. */
    synchronized Delivery track(long offset, Acknowledgment acknowledgment) {
        Entry tail = entries.peekLast();
        if (tail != null && offset <= tail.offset) {
            return existing(offset);
        }
        Entry entry = new Entry(offset, acknowledgment);
        entries.addLast(entry);
        if (!paused && !revoked && entries.size() > limit) {
            paused = true;
            gate.pause().accept(partition);
        }
        return entry;
    }

    /** Offsets read but not yet committable. */
    synchronized int uncommitted() {
        return entries.size();
    }

    /** The partition went to another consumer: forget it, and never acknowledge anything of it again. */
    synchronized void revoke() {
        revoked = true;
        pending = null;
        entries.clear();
    }

    /** Acknowledges the newest committable offset that waits, if any. */
    synchronized void flush() {
        if (pending != null && !revoked) {
            pending.acknowledge();
        }
        pending = null;
    }

    private synchronized void settle(Entry entry) {
        if (entry.settled) {
            return;
        }
        entry.settled = true;
        Acknowledgment last = null;
        while (!entries.isEmpty() && entries.peekFirst().settled) {
            last = entries.pollFirst().acknowledgment;
        }
        if (revoked) {
            return;
        }
        if (last != null) {
            if (deferred) {
                pending = last;
            } else {
                last.acknowledge();
            }
        }
        if (paused && entries.size() <= limit / 2) {
            paused = false;
            gate.resume().accept(partition);
        }
    }

    private Delivery existing(long offset) {
        for (Iterator<Entry> it = entries.descendingIterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.offset == offset) {
                return entry;
            }
        }
        return () -> {};
    }
}
