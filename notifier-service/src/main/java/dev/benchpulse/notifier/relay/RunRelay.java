package dev.benchpulse.notifier.relay;

import dev.benchpulse.notifier.update.MercureUpdate;
import dev.benchpulse.notifier.update.RunState;
import dev.benchpulse.notifier.update.UpdateType;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.avro.specific.SpecificRecord;

import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * One run's way to the hub: an ordered outbox sent one update at a time. A progress update waits for its run's pace
 * and is replaced by a newer one while it waits or after it failed (coalesced); a terminal update queued behind a
 * progress update sends it at once. An update the hub did not take stays at the head and is tried again after the
 * park delay, so nothing behind it overtakes it and a terminal update is never lost.
 */
final class RunRelay {

    private record Pending(MercureUpdate update, Delivery delivery) {

        boolean progress() {
            return update.type() == UpdateType.PROGRESS;
        }
    }

    private final RunState state = new RunState();
    private final Deque<Pending> outbox = new ArrayDeque<>();
    private final RelaySettings settings;
    private final ProgressThrottle throttle;
    private final Consumer<RunRelay> onFinished;
    private boolean sending;
    private boolean closed;
    private long notBefore;
    private long lastActivity;
    private Disposable wakeUp;
    private final Disposable.Swap publishing = Disposables.swap();

    RunRelay(RelaySettings settings, Consumer<RunRelay> onFinished) {
        this.settings = settings;
        this.throttle = new ProgressThrottle(settings.maxProgressPerSecond());
        this.onFinished = onFinished;
        this.lastActivity = settings.now();
    }

    /** Queues the update of the run's next event; false when this relay was closed and a new one must take it. */
    synchronized boolean offer(SpecificRecord event, Delivery delivery) {
        if (closed) {
            return false;
        }
        lastActivity = settings.now();
        MercureUpdate update = state.next(event);
        if (update.type() == UpdateType.PROGRESS || update.type() == UpdateType.STARTED) {
            coalesceQueuedProgress();
        }
        outbox.addLast(new Pending(update, delivery));
        drain();
        return true;
    }

    /** Closes the relay when nothing of it is pending and it saw no event for the idle timeout. */
    synchronized boolean closeIfIdle(long nowMillis) {
        if (sending || !outbox.isEmpty() || nowMillis - lastActivity < settings.idleTimeout().toMillis()) {
            return false;
        }
        closed = true;
        return true;
    }

    /** Stops for good: the notifier shuts down; what is not delivered stays uncommitted and is read again. */
    synchronized void close() {
        closed = true;
        cancelWakeUp();
        publishing.dispose();
    }

    /** A newer progress update, or a new attempt, makes a queued progress update that is not in flight obsolete. */
    private void coalesceQueuedProgress() {
        Pending tail = outbox.peekLast();
        boolean inFlight = sending && tail == outbox.peekFirst();
        if (tail != null && tail.progress() && !inFlight) {
            outbox.removeLast();
            tail.delivery().settled();
            settings.metrics().coalesced();
        }
    }

    private void drain() {
        if (sending || closed || outbox.isEmpty()) {
            return;
        }
        Pending head = outbox.peekFirst();
        long now = settings.now();
        long delay = Math.max(0, notBefore - now);
        if (head.progress() && !terminalQueued()) {
            delay = Math.max(delay, throttle.delay(now));
        }
        if (delay > 0) {
            if (wakeUp == null) {
                wakeUp = settings.scheduler().schedule(this::wake, delay, TimeUnit.MILLISECONDS);
            }
            return;
        }
        cancelWakeUp();
        sending = true;
        publishing.replace(settings.publisher().publish(head.update()).subscribe(
                sentAt -> sent(head, sentAt), error -> notSent(head, error)));
    }

    private synchronized void wake() {
        wakeUp = null;
        drain();
    }

    private synchronized void sent(Pending head, Instant sentAt) {
        sending = false;
        if (head.progress()) {
            throttle.sent(sentAt.toEpochMilli());
        }
        settings.metrics().published(head.update().type());
        settle(head);
    }

    private synchronized void notSent(Pending head, Throwable error) {
        sending = false;
        settings.metrics().failed();
        if (error instanceof UpdateRejectedException) {
            settle(head);
            return;
        }
        if (head.progress() && outbox.size() > 1 && outbox.stream().skip(1).findFirst().orElseThrow().progress()) {
            // a newer progress update waits behind the one that failed: that one is obsolete
            outbox.removeFirst();
            head.delivery().settled();
            settings.metrics().coalesced();
        }
        notBefore = settings.now() + settings.parkDelay().toMillis();
        drain();
    }

    /** A progress update with a terminal one behind it goes out at once: the terminal one must not wait. */
    private boolean terminalQueued() {
        return outbox.stream().anyMatch(pending -> pending.update().type().terminal());
    }

    /** The head is done with: delivered, or rejected for good. The relay closes after its terminal update. */
    private void settle(Pending head) {
        outbox.removeFirst();
        head.delivery().settled();
        if (head.update().type().terminal() && outbox.isEmpty()) {
            closed = true;
            cancelWakeUp();
            onFinished.accept(this);
            return;
        }
        drain();
    }

    private void cancelWakeUp() {
        if (wakeUp != null) {
            wakeUp.dispose();
            wakeUp = null;
        }
    }
}
