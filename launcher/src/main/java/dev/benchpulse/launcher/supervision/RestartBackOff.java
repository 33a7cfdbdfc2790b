package dev.benchpulse.launcher.supervision;

import java.time.Duration;

/**
 * How long the supervisor waits before starting a component that exited again, as compose's restart policy does:
 * doubling from one second up to half a minute, and back to one second once the component had stayed up a minute.
 */
final class RestartBackOff {

    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofSeconds(30);
    static final Duration STABLE = Duration.ofMinutes(1);

    private Duration next = FIRST;

    /** The wait before the next start of a component that ran for {@code ranFor} before it exited. */
    synchronized Duration after(Duration ranFor) {
        if (ranFor.compareTo(STABLE) >= 0) {
            next = FIRST;
        }
        Duration delay = next;
        next = next.multipliedBy(2).compareTo(LONGEST) > 0 ? LONGEST : next.multipliedBy(2);
        return delay;
    }
}
