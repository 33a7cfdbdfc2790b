package dev.benchpulse.notifier.latency;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.kafka.AvroSingleObjectSerializer;
import dev.benchpulse.notifier.update.UpdateType;
import dev.benchpulse.testsupport.RunEvents;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes lifecycle events of many concurrent runs at a fixed total rate, round robin over the runs in progress: each
 * run is Started, a random number of Progress events, Completed, and is replaced by a new run when it ends. Remembers
 * when each event was handed to the producer.
 */
final class EventLoad implements AutoCloseable {

    /** One event written: its type, run, and the {@link System#nanoTime()} just before the producer took it. */
    record Sent(UpdateType type, String runId, long nanos, boolean measured) {}

    private final KafkaProducer<String, SpecificRecord> producer;
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final Random random = new Random(20261102);
    private final int minProgress;
    private final int maxProgress;
    private volatile boolean measuring;
    private Cursor[] cursors;

    EventLoad(String bootstrapServers, int minProgress, int maxProgress) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(AvroSingleObjectSerializer.SOURCE_CONFIG, "/benchpulse/latency-benchmark");
        Serializer<String> keys = Topics.BENCHMARK_EVENTS.keySerializer();
        Serializer<SpecificRecord> values = Topics.BENCHMARK_EVENTS.valueSerializer();
        keys.configure(props, true);
        values.configure(props, false);
        this.producer = new KafkaProducer<>(props, keys, values);
        this.minProgress = minProgress;
        this.maxProgress = maxProgress;
    }

    Sent sent(String eventId) {
        return sent.get(eventId);
    }

    Map<String, Sent> allSent() {
        return Map.copyOf(sent);
    }

    void measuring(boolean measuring) {
        this.measuring = measuring;
    }

    /**
     * Writes events at {@code eventsPerSecond} over {@code runs} concurrent runs until {@code endNanos}; a later call
     * goes on with the same runs.
     */
    void run(int runs, int eventsPerSecond, long endNanos) {
        if (cursors == null) {
            cursors = new Cursor[runs];
            for (int i = 0; i < runs; i++) {
                cursors[i] = newRun();
            }
        }
        long interval = 1_000_000_000L / eventsPerSecond;
        long next = System.nanoTime();
        for (int i = 0; next < endNanos; i++) {
            int slot = i % runs;
            if (Thread.interrupted()) {
                System.out.println("generator thread was interrupted: cleared (parkNanos would spin)");
            }
            LockSupport.parkNanos(next - System.nanoTime());
            send(cursors[slot]);
            if (cursors[slot].finished()) {
                cursors[slot] = newRun();
            }
            next += interval;
        }
        producer.flush();
    }

    private void send(Cursor cursor) {
        SpecificRecord event = cursor.next();
        String eventId = dev.benchpulse.contracts.Events.eventId(event).toString();
        UpdateType type = switch (event) {
            case BenchmarkStarted s -> UpdateType.STARTED;
            case BenchmarkProgress p -> UpdateType.PROGRESS;
            case BenchmarkCompleted c -> UpdateType.COMPLETED;
            default -> UpdateType.FAILED;
        };
        sent.put(eventId, new Sent(type, cursor.run.key(), System.nanoTime(), measuring));
        producer.send(new ProducerRecord<>(Topics.BENCHMARK_EVENTS.name(), cursor.run.key(), event));
    }

    private Cursor newRun() {
        int samples = minProgress + random.nextInt(maxProgress - minProgress + 1);
        return new Cursor(RunEvents.of("latency-benchmark", "php-8.2", samples), samples);
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Where one run is: Started, then its samples, then Completed. */
    private static final class Cursor {

        private final RunEvents run;
        private final int samples;
        private int step;

        Cursor(RunEvents run, int samples) {
            this.run = run;
            this.samples = samples;
        }

        SpecificRecord next() {
            int current = step++;
            if (current == 0) {
                return run.started();
            }
            return current <= samples ? run.progress(1000 + current) : run.completed();
        }

        boolean finished() {
            return step > samples + 1;
        }
    }
}
