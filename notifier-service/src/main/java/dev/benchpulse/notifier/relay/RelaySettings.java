package dev.benchpulse.notifier.relay;

import dev.benchpulse.notifier.metrics.NotifierMetrics;
import java.time.Duration;
import reactor.core.scheduler.Scheduler;

/**
 * What every run's relay shares: where updates go, the clock and timers ({@code scheduler}), the meters, and the
 * pacing and retry settings.
 *
 * @param maxProgressPerSecond most progress updates of one run in any second
 * @param parkDelay            pause before an update the hub refused is tried again
 * @param idleTimeout          a run without events for this long is forgotten (when nothing of it is pending)
 * @param progressLimiter      progress updates of all runs in flight at once
 */
public record RelaySettings(
        UpdatePublisher publisher,
        Scheduler scheduler,
        NotifierMetrics metrics,
        int maxProgressPerSecond,
        Duration parkDelay,
        Duration idleTimeout,
        ProgressLimiter progressLimiter) {

    /** Settings without a limit on progress updates in flight. */
    public RelaySettings(
            UpdatePublisher publisher,
            Scheduler scheduler,
            NotifierMetrics metrics,
            int maxProgressPerSecond,
            Duration parkDelay,
            Duration idleTimeout) {
        this(
                publisher,
                scheduler,
                metrics,
                maxProgressPerSecond,
                parkDelay,
                idleTimeout,
                ProgressLimiter.fixed(Integer.MAX_VALUE, scheduler));
    }

    long now() {
        return scheduler.now(java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
