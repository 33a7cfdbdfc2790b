package dev.benchpulse.support.outage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What this service's dependencies are doing now. Whoever needs a dependency reports each failure of it ({@link
 * #failing}) and each success of its own work ({@link #restored}); an outage lasts from the first failure until
 * nobody waits for the dependency any more. During an outage: health is DOWN with the reason, a WARN line is logged
 * when it starts and then once per log interval (however many records or requests fail meanwhile), and meters count
 * outages ({@code benchpulse.dependency.outages}), the seconds the current one has lasted ({@code
 * benchpulse.dependency.outage.seconds}) and the duration of each that ended ({@code
 * benchpulse.dependency.outage.duration}), all tagged with the dependency.
 */
public class DependencyOutages {

    private static final Logger log = LoggerFactory.getLogger(DependencyOutages.class);

    /** One dependency's outage in progress. Guarded by the {@link DependencyOutages} instance. */
    private static final class Open {

        final Instant since;
        final Set<String> waiting = new HashSet<>();
        String reason;
        Instant lastWarned;

        Open(Instant since) {
            this.since = since;
        }
    }

    private final MeterRegistry registry;
    private final Duration logInterval;
    private final Clock clock;
    private final Map<String, Open> open = new ConcurrentHashMap<>();
    private final Map<String, Meters> meters = new HashMap<>();

    public DependencyOutages(MeterRegistry registry, Duration logInterval) {
        this(registry, logInterval, Clock.systemUTC());
    }

    DependencyOutages(MeterRegistry registry, Duration logInterval, Clock clock) {
        this.registry = registry;
        this.logInterval = logInterval;
        this.clock = clock;
    }

    /**
     * Registers the meters of a dependency this service needs, at zero, before its first outage: a series that
     * appears only with the first outage leaves Prometheus's {@code rate()} and alerts blind to that outage, and a
     * scrape of a healthy service would not show what is watched.
     */
    public synchronized void expect(String dependency) {
        meters(dependency);
    }

    /**
     * A failure of {@code dependency} kept {@code waiter} (a consumer thread, a publisher) from doing its work; it
     * will try again. Opens an outage, or adds to the one open.
     */
    public synchronized void failing(String dependency, String waiter, Throwable failure) {
        Instant now = clock.instant();
        Open outage = open.get(dependency);
        if (outage == null) {
            outage = new Open(now);
            open.put(dependency, outage);
            meters(dependency).outages.increment();
        }
        outage.waiting.add(waiter);
        outage.reason = RootCause.describe(failure);
        if (outage.lastWarned == null) {
            outage.lastWarned = now;
            log.warn(
                    "{} is unavailable ({}). {} waits and retries until it is back; nothing is dropped or "
                            + "dead-lettered meanwhile",
                    dependency,
                    outage.reason,
                    waiter);
        } else if (!now.isBefore(outage.lastWarned.plus(logInterval))) {
            outage.lastWarned = now;
            log.warn(
                    "{} still unavailable after {} s ({}); {} waiting and retrying",
                    dependency,
                    Duration.between(outage.since, now).toSeconds(),
                    outage.reason,
                    outage.waiting);
        }
    }

    /**
     * {@code waiter}'s work went through: it waits for no dependency now. An outage ends when its last waiter
     * recovers. Cheap when nothing is down, so it may be called after every piece of work.
     */
    public void restored(String waiter) {
        if (open.isEmpty()) {
            return;
        }
        synchronized (this) {
            open.entrySet().removeIf(entry -> {
                Open outage = entry.getValue();
                if (!outage.waiting.remove(waiter) || !outage.waiting.isEmpty()) {
                    return false;
                }
                ended(entry.getKey(), outage);
                return true;
            });
        }
    }

    /** The outages in progress, longest first. */
    public synchronized List<Outage> current() {
        Instant now = clock.instant();
        return open.entrySet().stream()
                .map(e -> new Outage(
                        e.getKey(),
                        e.getValue().since,
                        Duration.between(e.getValue().since, now),
                        e.getValue().reason,
                        Set.copyOf(e.getValue().waiting)))
                .sorted(Comparator.comparing(Outage::since))
                .toList();
    }

    private void ended(String dependency, Open outage) {
        Duration lasted = Duration.between(outage.since, clock.instant());
        meters(dependency).durations.record(lasted);
        log.info(
                "{} is available again after an outage of {} s; the waiting work goes on",
                dependency,
                lasted.toSeconds());
    }

    private synchronized double secondsDown(String dependency) {
        Open outage = open.get(dependency);
        return outage == null
                ? 0
                : Duration.between(outage.since, clock.instant()).toMillis() / 1000.0;
    }

    private Meters meters(String dependency) {
        return meters.computeIfAbsent(
                dependency,
                d -> new Meters(
                        Counter.builder("benchpulse.dependency.outages")
                                .tag("dependency", d)
                                .description(
                                        "Outages of a dependency (from its first failure until the work goes through)")
                                .register(registry),
                        Timer.builder("benchpulse.dependency.outage.duration")
                                .tag("dependency", d)
                                .description("Duration of each outage of a dependency that ended")
                                .register(registry),
                        Gauge.builder("benchpulse.dependency.outage.seconds", this, o -> o.secondsDown(d))
                                .tag("dependency", d)
                                .description("Seconds the current outage of a dependency has lasted (0 when it is up)")
                                .register(registry)));
    }

    private record Meters(Counter outages, Timer durations, Gauge seconds) {}
}
