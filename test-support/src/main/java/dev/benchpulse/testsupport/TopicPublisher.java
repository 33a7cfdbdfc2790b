package dev.benchpulse.testsupport;

import dev.benchpulse.contracts.Topic;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes records to a registry topic the way Benchpulse producers do (idempotent, acks=all, CloudEvents headers),
 * or raw bytes for poison-record tests. Every send waits for the broker's acknowledgement.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TopicPublisher<K, V> implements AutoCloseable {

    private final Topic<K, V> topic;
    private final KafkaProducer<K, V> producer;

    private TopicPublisher(Topic<K, V> topic, Map<String, Object> props, Serializer<K> keys, Serializer<V> values) {
        this.topic = topic;
        keys.configure(props, true);
        values.configure(props, false);
        this.producer = new KafkaProducer<>(props, keys, values);
    }

    public static <K, V> TopicPublisher<K, V> to(Topic<K, V> topic) {
        return new TopicPublisher<>(
                topic, props(EmbeddedBroker.bootstrapServers()), topic.keySerializer(), topic.valueSerializer());
    }

    /** A publisher of raw bytes to a topic's name, to produce records its consumers cannot decode. */
    public static TopicPublisher<byte[], byte[]> raw(Topic<?, ?> topic) {
        Topic<byte[], byte[]> bytes = new Topic<>(
                topic.name(),
                topic.partitions(),
                byte[].class,
                byte[].class,
                Set.of(),
                Serdes::ByteArray,
                Serdes::ByteArray,
                null);
        return new TopicPublisher<>(
                bytes, props(EmbeddedBroker.bootstrapServers()), bytes.keySerializer(), bytes.valueSerializer());
    }

    public RecordMetadata send(K key, V value) {
        try {
            return producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot publish to " + topic.name(), e.getCause());
        }
    }

    private static Map<String, Object> props(String bootstrapServers) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "test-publisher");
        return props;
    }

    @Override
    public void close() {
        producer.close();
    }
}
