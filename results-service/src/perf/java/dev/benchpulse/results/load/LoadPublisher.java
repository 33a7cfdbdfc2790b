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
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Publishes whole runs as a runner would (Started, the samples, Completed), the samples of all runs interleaved
 * as if they ran at the same time, with an idempotent, acks=all producer that batches. The records are built and
 * serialized (Avro body and CloudEvents headers, as the contracts' serializers write them) before publishing
 * starts, so the time and CPU of a phase are the broker's and the service's, not the generator's.
 */
final class LoadPublisher implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final Serializer<String> keys = Topics.BENCHMARK_EVENTS.keySerializer();
    private final Serializer<SpecificRecord> values = Topics.BENCHMARK_EVENTS.valueSerializer();
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
        keys.configure(props, true);
        values.configure(props, false);
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The records of {@code runs} runs of {@code samples / runs} samples each, serialized, in publishing order. */
    List<ProducerRecord<byte[], byte[]>> prepare(int samples, int runs) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(samples + 2 * runs);
        List<RunEvents> all = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            RunEvents run = RunEvents.of("load-" + (r % 20), "php-8." + (r % 4), samples / runs);
            all.add(run);
            records.add(record(run, run.started()));
        }
        for (int i = 0; i < samples / runs; i++) {
            for (RunEvents run : all) {
                records.add(record(run, run.progress(1_000 + random.nextDouble() * 100, 1024, 2 << 20)));
            }
        }
        all.forEach(run -> records.add(record(run, run.completed())));
        return records;
    }

    /** Publishes {@code records} as fast as the producer can and waits until every one is acknowledged. */
    Published publish(List<ProducerRecord<byte[], byte[]>> records) {
        long start = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (ProducerRecord<byte[], byte[]> record : records) {
            producer.send(record, (meta, e) -> {
                if (e != null) {
                    failure.compareAndSet(null, e);
                }
            });
        }
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Publishing failed", failure.get());
        }
        return new Published(records.size(), (System.nanoTime() - start) / 1e9);
    }

    private ProducerRecord<byte[], byte[]> record(RunEvents run, SpecificRecord event) {
        String topic = Topics.BENCHMARK_EVENTS.name();
        Headers headers = new RecordHeaders();
        byte[] value = values.serialize(topic, headers, event);
        return new ProducerRecord<>(topic, null, keys.serialize(topic, run.key()), value, headers);
    }

    @Override
    public void close() {
        producer.close();
    }

    record Published(long records, double seconds) {}
}
