package dev.benchpulse.notifier.relay;

import dev.benchpulse.notifier.update.MercureUpdate;
import dev.benchpulse.notifier.update.UpdateType;
import io.micrometer.context.ContextSnapshot;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/**
 * One run's updates waiting to be sent, in event order, with the rules for coalescing progress: a newer progress
 * update, or the started update of a new attempt, makes a queued progress update obsolete unless it is in flight;
 * a progress update that failed is obsolete when a newer one waits behind it. Not thread-safe: its relay guards it.
 */
final class Outbox {

    /**
     * An update waiting, with what was on the thread when its event arrived (the event's span), so that its publish
     * continues the run's trace wherever it happens.
     */
    record Pending(MercureUpdate update, Delivery delivery, ContextSnapshot context) {

        Pending(MercureUpdate update, Delivery delivery) {
            this(update, delivery, RunRelay.SNAPSHOTS.captureAll());
        }

        boolean progress() {
            return update.type() == UpdateType.PROGRESS;
        }

        boolean terminal() {
            return update.type().terminal();
        }
    }

    private final Deque<Pending> queue = new ArrayDeque<>();

    /** Queues an update; returns the queued progress update it made obsolete, now removed, if any. */
    Optional<Pending> add(Pending pending, boolean headInFlight) {
        Optional<Pending> obsolete = Optional.empty();
        Pending tail = queue.peekLast();
        boolean tailInFlight = headInFlight && tail == queue.peekFirst();
        boolean supersedes = pending.progress() || pending.update().type() == UpdateType.STARTED;
        if (supersedes && tail != null && tail.progress() && !tailInFlight) {
            obsolete = Optional.of(queue.removeLast());
        }
        queue.addLast(pending);
        return obsolete;
    }

    /** After the head failed: removes and returns it when it is a progress update with a newer one behind it. */
    Optional<Pending> dropFailedHead() {
        Iterator<Pending> it = queue.iterator();
        Pending head = it.hasNext() ? it.next() : null;
        if (head != null && head.progress() && it.hasNext() && it.next().progress()) {
            return Optional.of(queue.removeFirst());
        }
        return Optional.empty();
    }

    Pending head() {
        return queue.peekFirst();
    }

    Pending removeHead() {
        return queue.removeFirst();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    /** Whether a terminal update waits: then nothing ahead of it may wait for the pace. */
    boolean terminalQueued() {
        return queue.stream().anyMatch(Pending::terminal);
    }
}
