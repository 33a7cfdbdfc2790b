package dev.benchpulse.hub.dispatch;

import dev.benchpulse.hub.settings.HubProperties;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * One timer for the whole hub that keeps idle streams open through proxies and load balancers: it asks each event
 * loop to send a comment to its subscribers that have been sent nothing for a heartbeat period.
 */
@Component
class Heartbeats {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Heartbeats.class);

    private final Dispatcher dispatcher;
    private final Duration period;
    private ScheduledExecutorService timer;

    Heartbeats(Dispatcher dispatcher, HubProperties properties) {
        this.dispatcher = dispatcher;
        this.period = properties.heartbeat();
    }

    void start() {
        timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("mercure-heartbeat").daemon().factory());
        // Checking four times per period keeps every silence between one and one and a quarter periods long.
        long tick = Math.max(10, period.toMillis() / 4);
        timer.scheduleAtFixedRate(this::beat, tick, tick, TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            dispatcher.groups().forEach(group -> group.heartbeat(period));
        } catch (RuntimeException e) {
            // A failed beat must not cancel the schedule; the next one retries.
            LOG.warn("Heartbeat failed: {}", e.toString());
        }
    }

    void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
