package dev.benchpulse.results.load;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.testsupport.RunEvents;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes whole runs as a runner would (Started, the samples, Completed), the samples of all runs interleaved
 * as if they ran at the same time, with an idempotent, acks=all producer that batches.
 */
final class LoadPublisher implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final SplittableRandom random = new SplittableRandom(42);

    LoadPublisher(String bootstrap) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 256L * 1024 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Serializer<String> keys = Topics.BENCHMARK_EVENTS.keySerializer();
        Serializer<SpecificRecord> values = Topics.BENCHMARK_EVENTS.valueSerializer();
        keys.configure(props, true);
        values.configure(props, false);
        producer = new KafkaProducer<>(props, keys, values);
    }

    Published publish(int samples, int runs) {
        long start = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<RunEvents> all = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            RunEvents run = RunEvents.of("load-" + (r % 20), "php-8." + (r % 4), samples / runs);
            all.add(run);
            send(run, run.started(), failure);
        }
        for (int i = 0; i < samples / runs; i++) {
            for (RunEvents run : all) {
                send(run, run.progress(1_000 + random.nextDouble() * 100, 1024, 2 << 20), failure);
            }
        }
        all.forEach(run -> send(run, run.completed(), failure));
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Publishing failed", failure.get());
        }
        return new Published(samples + 2L * runs, (System.nanoTime() - start) / 1e9);
    }

    private void send(RunEvents run, SpecificRecord event, AtomicReference<Exception> failure) {
        producer.send(new ProducerRecord<>(Topics.BENCHMARK_EVENTS.name(), run.key(), event), (meta, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    @Override
    public void close() {
        producer.close();
    }

    record Published(long records, double seconds) {
    }
}
