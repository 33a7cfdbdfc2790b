package dev.benchpulse.notifier.relay;

import dev.benchpulse.notifier.system.NotifierMetrics;

import java.time.Duration;

import reactor.core.scheduler.Scheduler;

/**
 * What every run's relay shares: where updates go, the clock and timers ({@code scheduler}), the meters, and the
 * pacing and retry settings.
 *
 * @param maxProgressPerSecond most progress updates of one run in any second
 * @param parkDelay            pause before an update the hub refused is tried again
 * @param idleTimeout          a run without events for this long is forgotten (when nothing of it is pending)
 */
public record RelaySettings(UpdatePublisher publisher, Scheduler scheduler, NotifierMetrics metrics,
        int maxProgressPerSecond, Duration parkDelay, Duration idleTimeout) {

    long now() {
        return scheduler.now(java.util.concurrent.TimeUnit.MILLISECONDS);
    }
}
