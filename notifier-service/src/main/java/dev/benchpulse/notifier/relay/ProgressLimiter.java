package dev.benchpulse.notifier.relay;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.FixedLimit;
import com.netflix.concurrency.limits.limit.VegasLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import reactor.core.scheduler.Scheduler;

/**
 * How many progress updates of all runs may be in flight to the hub at once. Progress is the only update the notifier
 * may hold back (it is coalesced to the newest while it waits), so when the hub or the machine is saturated, the
 * relays send fewer progress updates instead of queueing them in front of started, completed and failed updates,
 * which never ask for a permit. The adaptive limit is TCP Vegas's, from Netflix's concurrency-limits: it grows while
 * publish round trips stay near the fastest seen and shrinks as they lengthen (a queue forming at the hub).
 * <p>
 * A relay refused a permit waits in line and is woken, on the scheduler, when a permit is returned.
 */
public final class ProgressLimiter {

    /** A permit: return it exactly once, saying how the publish ended. */
    interface Permit {

        /** The hub took the update: its round trip counts towards the limit. */
        void delivered();

        /** The publish failed or timed out: the limit shrinks. */
        void failed();

        /** The publish was cancelled or rejected for good: says nothing about the hub's load. */
        void abandoned();
    }

    private final SimpleLimiter<Void> limiter;
    private final Scheduler scheduler;
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    private ProgressLimiter(Limit limit, Scheduler scheduler) {
        this.limiter = SimpleLimiter.newBuilder()
                .named("progress-updates")
                .limit(limit)
                .build();
        this.scheduler = scheduler;
    }

    /** A limit that adapts to the publish round trips, between 1 and {@code max} updates in flight. */
    public static ProgressLimiter adaptive(int max, Scheduler scheduler) {
        return new ProgressLimiter(
                VegasLimit.newBuilder()
                        .initialLimit(Math.min(10, max))
                        .maxConcurrency(max)
                        .build(),
                scheduler);
    }

    /** A fixed number of progress updates in flight (for tests, and to turn adaptation off with a large number). */
    public static ProgressLimiter fixed(int limit, Scheduler scheduler) {
        return new ProgressLimiter(FixedLimit.of(limit), scheduler);
    }

    /** Progress updates allowed in flight now. */
    public int limit() {
        return limiter.getLimit();
    }

    /**
     * A permit if one is free; otherwise empty, and {@code wakeUp} (unless null: already in line) runs once a permit
     * is returned. A wake-up may come although the permit was taken after all: whoever does not use one passes it on.
     */
    Optional<Permit> acquire(Runnable wakeUp) {
        Optional<Limiter.Listener> listener = limiter.acquire(null);
        if (listener.isEmpty() && wakeUp != null) {
            waiting.add(wakeUp);
            // a permit returned between the refusal and joining the line woke nobody: try once more
            listener = limiter.acquire(null);
        }
        return listener.map(Granted::new);
    }

    /** Hands a wake-up nobody used on to the next relay in line. */
    void passOn() {
        Runnable next = waiting.poll();
        if (next != null) {
            scheduler.schedule(next);
        }
    }

    private final class Granted implements Permit {

        private final Limiter.Listener listener;

        Granted(Limiter.Listener listener) {
            this.listener = listener;
        }

        @Override
        public void delivered() {
            listener.onSuccess();
            passOn();
        }

        @Override
        public void failed() {
            listener.onDropped();
            passOn();
        }

        @Override
        public void abandoned() {
            listener.onIgnore();
            passOn();
        }
    }
}
