package dev.benchpulse.results.deadletters;

import dev.benchpulse.results.settings.ResultsProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The depth of every dead-letter topic (records waiting, not replayed), read from Kafka every check interval and
 * after each replay: gauge {@code benchpulse.kafka.dead-letter.depth} (tag {@code topic}; NaN until known), and
 * the health component {@code deadLetters}. A non-empty dead-letter topic is logged at WARN on each check; it does
 * not make the service DOWN (ingest goes on), but health shows it.
 */
@Component
class DeadLetterDepth implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDepth.class);

    private final DeadLetters deadLetters;
    private final Duration interval;
    private final Map<String, Long> depths = new ConcurrentHashMap<>();
    private volatile String problem = "not checked yet";
    private Disposable checks;

    DeadLetterDepth(DeadLetters deadLetters, MeterRegistry registry, ResultsProperties properties) {
        this.deadLetters = deadLetters;
        this.interval = properties.deadLetters().checkInterval();
        for (DeadLetterTopic topic : DeadLetterTopic.all()) {
            Gauge.builder(
                            "benchpulse.kafka.dead-letter.depth",
                            depths,
                            d -> d.getOrDefault(topic.name(), -1L) < 0 ? Double.NaN : d.get(topic.name()))
                    .tag("topic", topic.name())
                    .description("Records waiting on a dead-letter topic (not replayed yet)")
                    .register(registry);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        checks = Flux.interval(Duration.ZERO, interval)
                .onBackpressureDrop()
                .concatMap(tick -> Mono.fromRunnable(this::refresh).subscribeOn(Schedulers.boundedElastic()), 1)
                .subscribe();
    }

    /** Reads every depth from Kafka now. Blocking. */
    void refresh() {
        try {
            for (DeadLetterTopic topic : DeadLetterTopic.all()) {
                long depth = deadLetters.offsets(topic).depth();
                depths.put(topic.name(), depth);
                if (depth > 0) {
                    log.warn(
                            "{} record(s) wait on {}: see ./benchpulse dlt list, then ./benchpulse dlt replay {} "
                                    + "once the cause is fixed",
                            depth,
                            topic.name(),
                            topic.name());
                }
            }
            problem = null;
        } catch (RuntimeException e) {
            problem = e.getMessage();
            log.debug("Cannot read the dead-letter depths", e);
        }
    }

    /** The latest depth of each dead-letter topic, in registry order; absent while unknown. */
    Map<String, Long> depths() {
        Map<String, Long> ordered = new LinkedHashMap<>();
        DeadLetterTopic.all().forEach(t -> {
            Long depth = depths.get(t.name());
            if (depth != null) {
                ordered.put(t.name(), depth);
            }
        });
        return ordered;
    }

    /** Why the depths could not be read at the last check; null when they were. */
    String problem() {
        return problem;
    }

    @Override
    public void destroy() {
        if (checks != null) {
            checks.dispose();
        }
    }
}
