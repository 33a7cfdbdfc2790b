package dev.benchpulse.hub.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The hub's Micrometer meters: open subscribers, updates published, deliveries queued to subscribers, how long the
 * fan-out of one update takes, repeated publishes of an id still in the history, and subscribers disconnected for reading too slowly.
 */
@Component
class HubMetrics {

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter dispatched;
    private final Counter slow;
    private final Counter repeated;
    private final Timer dispatch;

    HubMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.published = Counter.builder("mercure.updates.published")
                .description("Updates accepted by the hub")
                .register(registry);
        this.dispatched = Counter.builder("mercure.updates.dispatched")
                .description("Updates queued to subscribers (one per update and receiving subscriber)")
                .register(registry);
        this.slow = Counter.builder("mercure.subscribers.slow")
                .description("Subscribers disconnected because they fell too far behind")
                .register(registry);
        this.repeated = Counter.builder("mercure.updates.repeated")
                .description("Publishes of an id still in the history (retries), acknowledged but not dispatched again")
                .register(registry);
        this.dispatch = Timer.builder("mercure.dispatch.latency")
                .description("Time from publishing an update to having it queued for every subscriber it is for")
                .register(registry);
    }

    void watch(Supplier<Number> subscribers) {
        Gauge.builder("mercure.subscribers", subscribers)
                .description("Open subscriber connections")
                .register(registry);
    }

    void published() {
        published.increment();
    }

    void repeated() {
        repeated.increment();
    }

    /** An update has been queued for every subscriber it is for, this long after it was published. */
    void dispatched(long nanosSincePublished) {
        dispatch.record(nanosSincePublished, TimeUnit.NANOSECONDS);
    }

    void delivered(long count) {
        dispatched.increment(count);
    }

    void slowSubscriber() {
        slow.increment();
    }
}
