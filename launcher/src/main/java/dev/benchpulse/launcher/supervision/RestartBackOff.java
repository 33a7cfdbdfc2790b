package dev.benchpulse.launcher.supervision;

import java.time.Duration;

/**
 * How long the supervisor waits before starting a component that exited again, as compose's restart policy does:
 * doubling from the first wait up to the longest, and back to the first once the component had stayed up for the
 * stable time.
 */
final class RestartBackOff {

    /**
     * The waits of one back-off.
     *
     * @param first   the wait before the first restart
     * @param longest the longest wait, however often the component died
     * @param stable  how long a component has to stay up for its next restart to wait {@code first} again
     */
    record Schedule(Duration first, Duration longest, Duration stable) {

        /** compose's: one second, doubling up to half a minute, reset after a minute up. */
        static final Schedule COMPOSE =
                new Schedule(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1));
    }

    private final Schedule schedule;
    private Duration next;

    RestartBackOff(Schedule schedule) {
        this.schedule = schedule;
        this.next = schedule.first();
    }

    /** The wait before the next start of a component that ran for {@code ranFor} before it exited. */
    synchronized Duration after(Duration ranFor) {
        if (ranFor.compareTo(schedule.stable()) >= 0) {
            next = schedule.first();
        }
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(schedule.longest()) > 0 ? schedule.longest() : doubled;
        return delay;
    }
}
