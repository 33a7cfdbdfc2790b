package dev.benchpulse.hub.load;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.HubUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces updates straight to the hub cluster's topic at a fixed rate, as the notifier does (idempotent, acks=all,
 * batched by linger). Ids are {@code <run>-1}, {@code <run>-2}... in order; the data is the {@link System#nanoTime()} at which the update was
 * due, so a producer or hub that falls behind shows up as latency (no coordinated omission).
 */
final class KafkaRatePublisher implements AutoCloseable {

    private final KafkaProducer<String, HubUpdate> producer;
    private final String kafkaTopic;
    private final String topic;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Ids of one run are {@code <prefix>-1}, {@code <prefix>-2}...: unlike any earlier run's still in the window. */
    private final String prefix = "load" + Long.toString(System.currentTimeMillis(), 36);

    private long next = 1;

    KafkaRatePublisher(String bootstrapServers, String kafkaTopic, String topic) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        this.producer =
                new KafkaProducer<>(config, Topics.HUB_UPDATES.keySerializer(), Topics.HUB_UPDATES.valueSerializer());
        this.kafkaTopic = kafkaTopic;
        this.topic = topic;
    }

    /** Produces one update due at {@code dueNanos}; returns its id. */
    long publish(long dueNanos) {
        long id = next++;
        String key = prefix + "-" + id;
        producer.send(
                new ProducerRecord<>(
                        kafkaTopic,
                        key,
                        new HubUpdate(key, List.of(topic), Long.toString(dueNanos), false, null, null, Instant.now())),
                (metadata, error) -> {
                    (error == null ? acknowledged : failed).incrementAndGet();
                });
        return id;
    }

    /** Produces {@code rate} updates per second for {@code duration}; returns how many. */
    long run(int rate, Duration duration) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        long sent = 0;
        for (long now = start; now < end; now = System.nanoTime()) {
            long due = (now - start) * rate / 1_000_000_000L;
            for (; sent < due; sent++) {
                publish(start + sent * 1_000_000_000L / rate);
            }
            LockSupport.parkNanos(200_000);
        }
        return sent;
    }

    /** The id the next update gets: how many were produced, plus one. */
    long nextId() {
        return next;
    }

    long acknowledged() {
        return acknowledged.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        producer.close();
    }
}
