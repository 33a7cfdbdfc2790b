package dev.benchpulse.hub.dispatch;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import dev.benchpulse.hub.system.HubProperties;

/**
 * Starts the heartbeat and, on shutdown, ends every event stream before the web server stops, so that a graceful
 * shutdown does not wait for streams that would never end by themselves.
 */
@Component
class HubLifecycle implements SmartLifecycle {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HubLifecycle.class);

    private final Hub hub;
    private final Duration heartbeat;
    private ScheduledExecutorService timer;

    HubLifecycle(Hub hub, HubProperties properties) {
        this.hub = hub;
        this.heartbeat = properties.heartbeat();
    }

    @Override
    public void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("mercure-heartbeat").daemon()
                .factory());
        // Checking four times per period keeps every silence between one and one and a quarter periods long.
        long tick = Math.max(10, heartbeat.toMillis() / 4);
        timer.scheduleAtFixedRate(this::beat, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            hub.heartbeat(heartbeat);
        } catch (RuntimeException e) {
            // A failed beat must not cancel the schedule; the next one retries.
            LOG.warn("Heartbeat failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        hub.close();
        timer.shutdownNow();
        timer = null;
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }
}
