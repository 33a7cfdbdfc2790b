package dev.benchpulse.testsupport;

import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topic;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Reads a registry topic from its beginning on a background thread and keeps every record, for assertions on what
 * a consumer of the topic sees. Close it at the end of the test. A plain kafka-clients poll thread rather than a
 * {@code @KafkaListener}: it is test equipment for any test, Spring context or not, and reads as an outside consumer
 * of the topic would, in a group of its own.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TopicRecorder<K, V> implements AutoCloseable {

    private final List<ConsumerRecord<K, V>> records = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<K, V> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    private TopicRecorder(Topic<K, V> topic, String bootstrapServers) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed");
        consumer = new KafkaConsumer<>(props, topic.keyDeserializer(), topic.valueDeserializer());
        consumer.subscribe(List.of(topic.name()));
        thread = Thread.ofPlatform().daemon().name("recorder-" + topic.name()).start(this::poll);
    }

    /** Starts recording a topic of the JVM-wide embedded broker. */
    public static <K, V> TopicRecorder<K, V> start(Topic<K, V> topic) {
        return start(topic, EmbeddedBroker.bootstrapServers());
    }

    public static <K, V> TopicRecorder<K, V> start(Topic<K, V> topic, String bootstrapServers) {
        return new TopicRecorder<>(topic, bootstrapServers);
    }

    public List<ConsumerRecord<K, V>> records() {
        return List.copyOf(records);
    }

    public List<V> values() {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    /** Records whose key is {@code key}, in order. */
    public List<V> valuesWithKey(K key) {
        return records.stream()
                .filter(r -> key.equals(r.key()))
                .map(ConsumerRecord::value)
                .toList();
    }

    /** Waits until at least {@code count} recorded records match and returns those, in order. */
    public List<ConsumerRecord<K, V>> awaitRecords(
            Predicate<ConsumerRecord<K, V>> filter, int count, Duration timeout) {
        await().atMost(timeout).until(() -> records.stream().filter(filter).count() >= count);
        return records.stream().filter(filter).toList();
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
