package dev.benchpulse.results.ingest;

import dev.benchpulse.contracts.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Ingest meters: {@code benchpulse.results.events.consumed} (tag {@code type}), {@code
 * benchpulse.results.samples.stored} (new samples written) and {@code benchpulse.results.write} (time of one
 * database write of a batch of events).
 */
@Component
class IngestMetrics {

    private final Map<EventType, Counter> consumed = new EnumMap<>(EventType.class);
    private final Counter samplesStored;
    private final Timer write;

    IngestMetrics(MeterRegistry registry) {
        for (EventType type : EventType.values()) {
            consumed.put(
                    type,
                    Counter.builder("benchpulse.results.events.consumed")
                            .description("Events consumed from Kafka and written to the database")
                            .tag("type", type.schema().getName())
                            .register(registry));
        }
        samplesStored = Counter.builder("benchpulse.results.samples.stored")
                .description("Samples newly stored (duplicates and samples of abandoned attempts not counted)")
                .register(registry);
        write = Timer.builder("benchpulse.results.write")
                .description("Latency of one database write of a batch of consumed events")
                .publishPercentileHistogram()
                .register(registry);
    }

    void consumed(EventType type) {
        consumed.get(type).increment();
    }

    void stored(long samples) {
        samplesStored.increment(samples);
    }

    void wrote(Duration took) {
        write.record(took);
    }
}
