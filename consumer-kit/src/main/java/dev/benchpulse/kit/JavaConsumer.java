package dev.benchpulse.kit;

import dev.benchpulse.contracts.kafka.AvroSingleObjectDeserializer;
import dev.benchpulse.contracts.kafka.CloudEventHeaders;
import dev.benchpulse.contracts.schema.ContractSchemas;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints every Benchpulse event of the given topics as one JSON line ({@link EventLine}). Values are read as bytes
 * and decoded with the contracts' {@link AvroSingleObjectDeserializer}, so the writer schema's fingerprint can be
 * printed too, and a record that cannot be decoded is reported on standard error and skipped rather than stopping
 * the consumer. Ctrl-C stops it cleanly, with the offsets of the records it handled committed, so the same group
 * resumes after them (at least once: a crash may print a record again; deduplicate by {@code eventId}).
 * <p>
 * A hand-written poll loop with plain kafka-clients, unlike the services' {@code @KafkaListener}s, by design: this is
 * the sample for another team's consumer, which needs the contracts jar and nothing of Spring (docs/consumers.md).
 */
public final class JavaConsumer {

    private final ConsumerOptions options;
    private final PrintStream out;
    private final AvroSingleObjectDeserializer<IndexedRecord> values = new AvroSingleObjectDeserializer<>();

    JavaConsumer(ConsumerOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) {
        ConsumerOptions options;
        try {
            options = ConsumerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        new JavaConsumer(options, System.out).run();
    }

    void run() {
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(properties(), new StringDeserializer(), new ByteArrayDeserializer())) {
            Thread main = Thread.currentThread();
            Thread stop = new Thread(() -> {
                consumer.wakeup();
                joinQuietly(main);
            });
            Runtime.getRuntime().addShutdownHook(stop);
            consumer.subscribe(options.topics());
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            try {
                consume(consumer, done);
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (WakeupException stopped) {
                // Ctrl-C: commit what was printed, below
            }
            consumer.commitSync(done);
        }
    }

    /** Polls and prints until the limit, committing after each batch exactly the records handled so far. */
    private void consume(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, OffsetAndMetadata> done) {
        long printed = 0;
        while (options.maxEvents() == 0 || printed < options.maxEvents()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                printed += print(record) ? 1 : 0;
                done.put(
                        new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
                if (options.maxEvents() > 0 && printed == options.maxEvents()) {
                    return;
                }
            }
            consumer.commitAsync(Map.copyOf(done), null);
        }
    }

    /** Prints one record's line; false when it could not be decoded (reported on standard error). */
    private boolean print(ConsumerRecord<String, byte[]> record) {
        try {
            IndexedRecord event = values.deserialize(record.topic(), record.value());
            out.println(EventLine.of(
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    record.key(),
                    CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE)
                            .orElse(null),
                    CloudEventHeaders.read(record.headers(), CloudEventHeaders.DATA_SCHEMA)
                            .orElse(null),
                    fingerprint(record.value()),
                    event));
            return true;
        } catch (SerializationException e) {
            System.err.printf(
                    "Skipped %s-%d@%d: %s%n", record.topic(), record.partition(), record.offset(), e.getMessage());
            return false;
        }
    }

    /** The writer schema's fingerprint: the 8 bytes after {@code C3 01}, little-endian (checked by the decoder). */
    private static String fingerprint(byte[] value) {
        return ContractSchemas.text(
                ByteBuffer.wrap(value, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, options.fromBeginning() ? "earliest" : "latest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "benchpulse-java-consumer");
        // Offsets are committed for the records handled, not for whatever the last poll returned.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return props;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
