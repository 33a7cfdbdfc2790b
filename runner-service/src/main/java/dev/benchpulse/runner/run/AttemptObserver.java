package dev.benchpulse.runner.run;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What a worker learns of the attempts it executes: which attempt is the current one (for its heartbeats), and
 * each time it makes headway (for telling a slow attempt from a hung one).
 */
interface AttemptObserver {

    /** An observer that watches nothing, for executing a run outside the workers. */
    AttemptObserver NONE = new AttemptObserver() {
        @Override
        public void attach(RunEventPublisher.Attempt attempt, AttemptEvents events) {
        }

        @Override
        public void alive() {
        }
    };

    /** A new attempt of the run starts, publishing through {@code attempt}. */
    void attach(RunEventPublisher.Attempt attempt, AttemptEvents events);

    /** The attempt made headway. */
    void alive();

    /**
     * Waits {@code delay}, staying alive meanwhile; false, early, when {@code stop} becomes true or the thread is
     * interrupted.
     */
    default boolean pause(Duration delay, BooleanSupplier stop) {
        long end = System.nanoTime() + delay.toNanos();
        try {
            while (!stop.getAsBoolean()) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                alive();
                Thread.sleep(Duration.ofNanos(Math.min(left, Duration.ofSeconds(1).toNanos())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
