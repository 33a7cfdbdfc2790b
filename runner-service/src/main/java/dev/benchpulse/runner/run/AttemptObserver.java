package dev.benchpulse.runner.run;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * What a worker learns of the attempts it executes: which attempts are the current ones (one per run: an
 * interleaved group has several; each sends its own heartbeats), and each time the worker makes headway (for telling
 * a slow attempt from a hung one).
 */
interface AttemptObserver {

    /**
     * The current attempt of one run.
     *
     * @param published publishes its events
     * @param events    builds them
     */
    record Current(RunEventPublisher.Attempt published, AttemptEvents events) {

        /** Sends the attempt's heartbeat if it published nothing for {@code interval} and has not ended. */
        void heartbeat(Duration interval) {
            published.heartbeatIfQuiet(interval, () -> events.heartbeat(interval));
        }
    }

    /** An observer that watches nothing, for executing a run outside the workers. */
    AttemptObserver NONE = new AttemptObserver() {
        @Override
        public void attach(List<Current> attempts) {}

        @Override
        public void alive() {}
    };

    /** New attempts start, one per run still to end, replacing the earlier ones. */
    void attach(List<Current> attempts);

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
                Thread.sleep(
                        Duration.ofNanos(Math.min(left, Duration.ofSeconds(1).toNanos())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
