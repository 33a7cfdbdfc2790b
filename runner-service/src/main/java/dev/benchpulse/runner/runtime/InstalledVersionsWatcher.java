package dev.benchpulse.runner.runtime;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Looks at the install directory of {@code ./benchpulse php install} every few seconds, so that a version installed
 * while the stack runs becomes a runtime without a restart (probing happens on this thread, never on a request's).
 */
final class InstalledVersionsWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InstalledVersionsWatcher.class);

    private final Runtimes runtimes;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    InstalledVersionsWatcher(Runtimes runtimes, Duration interval) {
        this.runtimes = runtimes;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("installed-php-watcher").daemon().factory());
        scheduler.scheduleWithFixedDelay(
                this::refresh, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refresh() {
        try {
            runtimes.refreshInstalled();
        } catch (RuntimeException e) {
            log.warn("Looking for installed PHP versions failed; trying again in {} s", interval.toSeconds(), e);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
