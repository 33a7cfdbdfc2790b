package dev.benchpulse.notifier.relay;

import dev.benchpulse.notifier.update.RunState;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import reactor.core.Disposable;
import reactor.core.Disposables;

/**
 * One run's way to the hub: its {@link Outbox} sent one update at a time, in event order. A progress update waits
 * for the run's pace and may be coalesced while it waits; a terminal update queued behind a progress update sends
 * it at once. An update the hub did not take stays at the head and is tried again after the park delay, so nothing
 * behind it overtakes it and a terminal update is never lost. A progress update also needs a permit of the
 * {@link ProgressLimiter} shared by all runs; started, completed and failed updates, and a progress update with a
 * terminal one queued behind it, go without. An update is published in the context its event arrived in (the
 * event's span), so the publish is part of the run's trace whichever thread sends it.
 */
final class RunRelay {

    static final ContextSnapshotFactory SNAPSHOTS =
            ContextSnapshotFactory.builder().build();

    private final RunState state = new RunState();
    private final Outbox outbox = new Outbox();
    private final RelaySettings settings;
    private final ProgressThrottle throttle;
    private final Consumer<RunRelay> onFinished;
    private final Disposable.Swap publishing = Disposables.swap();
    private boolean sending;
    private boolean closed;
    private long notBefore;
    private long lastActivity;
    private Disposable wakeUp;
    private ProgressLimiter.Permit permit;
    private boolean awaitingPermit;

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
        outbox.add(new Outbox.Pending(state.next(event), delivery), sending).ifPresent(this::coalesced);
        drain();
        return true;
    }

    /** Closes the relay when nothing of it is pending and it saw no event for the idle timeout. */
    synchronized boolean closeIfIdle(long nowMillis) {
        if (sending
                || !outbox.isEmpty()
                || nowMillis - lastActivity < settings.idleTimeout().toMillis()) {
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
        if (permit != null) {
            permit.abandoned();
            permit = null;
        }
    }

    private void drain() {
        if (sending || closed || outbox.isEmpty()) {
            return;
        }
        Outbox.Pending head = outbox.head();
        long now = settings.now();
        long delay = Math.max(0, notBefore - now);
        if (head.progress() && !outbox.terminalQueued()) {
            delay = Math.max(delay, throttle.delay(now));
        }
        if (delay > 0) {
            if (wakeUp == null) {
                wakeUp = settings.scheduler().schedule(this::wake, delay, TimeUnit.MILLISECONDS);
            }
            return;
        }
        if (head.progress() && !outbox.terminalQueued()) {
            Optional<ProgressLimiter.Permit> granted =
                    settings.progressLimiter().acquire(awaitingPermit ? null : this::permitReturned);
            if (granted.isEmpty()) {
                awaitingPermit = true;
                return;
            }
            permit = granted.get();
        }
        cancelWakeUp();
        sending = true;
        try (ContextSnapshot.Scope eventContext = head.context().setThreadLocals()) {
            publishing.replace(settings.publisher()
                    .publish(head.update())
                    .subscribe(sentAt -> sent(head, sentAt), error -> notSent(head, error)));
        }
    }

    private synchronized void wake() {
        wakeUp = null;
        drain();
    }

    /** A permit came back while this relay was in line: take it, or pass the wake-up on. */
    private synchronized void permitReturned() {
        awaitingPermit = false;
        ProgressLimiter.Permit before = permit;
        drain();
        if (permit == null || permit == before) {
            settings.progressLimiter().passOn();
        }
    }

    private void returnPermit(boolean delivered, Throwable error) {
        if (permit == null) {
            return;
        }
        if (delivered) {
            permit.delivered();
        } else if (error instanceof UpdateRejectedException) {
            permit.abandoned();
        } else {
            permit.failed();
        }
        permit = null;
    }

    private synchronized void sent(Outbox.Pending head, Instant sentAt) {
        sending = false;
        returnPermit(true, null);
        if (head.progress()) {
            throttle.sent(sentAt.toEpochMilli());
        }
        settings.metrics().published(head.update().type());
        settle(head);
    }

    private synchronized void notSent(Outbox.Pending head, Throwable error) {
        sending = false;
        returnPermit(false, error);
        settings.metrics().failed();
        if (error instanceof UpdateRejectedException) {
            settle(head);
            return;
        }
        outbox.dropFailedHead().ifPresent(this::coalesced);
        notBefore = settings.now() + settings.parkDelay().toMillis();
        drain();
    }

    private void coalesced(Outbox.Pending obsolete) {
        obsolete.delivery().settled();
        settings.metrics().coalesced();
    }

    /** The head is done with: delivered, or rejected for good. The relay closes after its terminal update. */
    private void settle(Outbox.Pending head) {
        outbox.removeHead();
        head.delivery().settled();
        if (head.terminal() && outbox.isEmpty()) {
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
