package dev.benchpulse.notifier.metrics;

import dev.benchpulse.notifier.update.UpdateType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The notifier's meters (Micrometer, served by Actuator under {@code /actuator/metrics} and
 * {@code /actuator/prometheus}): updates published per type, coalesced, retried and failed, and the latency of
 * publish requests as a percentile histogram.
 */
public final class NotifierMetrics {

    public static final String PUBLISHED = "benchpulse.notifier.updates.published";
    public static final String COALESCED = "benchpulse.notifier.updates.coalesced";
    public static final String RETRIED = "benchpulse.notifier.updates.retried";
    public static final String FAILED = "benchpulse.notifier.updates.failed";
    public static final String PUBLISH_LATENCY = "benchpulse.notifier.publish.latency";
    public static final String ACTIVE_RUNS = "benchpulse.notifier.runs.active";
    public static final String PROGRESS_LIMIT = "benchpulse.notifier.progress.limit";

    private final MeterRegistry registry;
    private final Map<UpdateType, Counter> published = new EnumMap<>(UpdateType.class);
    private final Counter coalesced;
    private final Counter retried;
    private final Counter failed;
    private final Timer succeeded;
    private final Timer errored;

    public NotifierMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (UpdateType type : UpdateType.values()) {
            published.put(
                    type,
                    Counter.builder(PUBLISHED)
                            .tag("type", type.wireName())
                            .description("Updates the hub accepted")
                            .register(registry));
        }
        coalesced = Counter.builder(COALESCED)
                .description("Progress updates replaced by a newer one before they were sent")
                .register(registry);
        retried =
                Counter.builder(RETRIED).description("Publish requests retried").register(registry);
        failed = Counter.builder(FAILED)
                .description("Publishes that failed after their bounded retries (kept and tried again later)")
                .register(registry);
        succeeded = latency("success");
        errored = latency("error");
    }

    public void published(UpdateType type) {
        published.get(type).increment();
    }

    public void coalesced() {
        coalesced.increment();
    }

    public void retried() {
        retried.increment();
    }

    public void failed() {
        failed.increment();
    }

    /** Records one publish request's duration. */
    public void publishRequest(Duration duration, boolean success) {
        (success ? succeeded : errored).record(duration);
    }

    public void progressLimit(Supplier<Number> limit) {
        Gauge.builder(PROGRESS_LIMIT, limit)
                .description(
                        "Progress updates of all runs allowed in flight to the hub now (adapts to its round trips)")
                .register(registry);
    }

    public void activeRuns(Supplier<Number> count) {
        Gauge.builder(ACTIVE_RUNS, count)
                .description("Runs the notifier holds state for")
                .register(registry);
    }

    private Timer latency(String outcome) {
        return Timer.builder(PUBLISH_LATENCY)
                .tag("outcome", outcome)
                .description("Duration of one publish request to the hub")
                .publishPercentileHistogram()
                .register(registry);
    }
}
