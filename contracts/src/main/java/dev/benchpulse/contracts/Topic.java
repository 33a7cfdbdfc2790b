package dev.benchpulse.contracts;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka topic of Benchpulse: its name, default partition count, key and value types with their serdes, the
 * event types its values may be, and the name of its dead-letter topic. Immutable; the instances live in
 * {@link Topics}.
 *
 * @param <K> key type
 * @param <V> value type
 */
public record Topic<K, V>(
        String name,
        int partitions,
        Class<K> keyType,
        Class<V> valueType,
        Set<EventType> eventTypes,
        Supplier<Serde<K>> keySerde,
        Supplier<Serde<V>> valueSerde,
        String deadLetterName) {

    /** Suffix of every dead-letter topic: {@code <topic>.dlt}. */
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(keySerde, "keySerde");
        Objects.requireNonNull(valueSerde, "valueSerde");
        if (partitions < 1) {
            throw new IllegalArgumentException("A topic needs at least one partition: " + name);
        }
        eventTypes = Set.copyOf(eventTypes);
    }

    public Serializer<K> keySerializer() {
        return keySerde.get().serializer();
    }

    public Deserializer<K> keyDeserializer() {
        return keySerde.get().deserializer();
    }

    public Serializer<V> valueSerializer() {
        return valueSerde.get().serializer();
    }

    public Deserializer<V> valueDeserializer() {
        return valueSerde.get().deserializer();
    }

    /**
     * The dead-letter topic of this topic, where consumers put records they cannot process, bytes unchanged and
     * with the failure in Kafka headers. Same partition count, so a record keeps its partition. Empty for a
     * dead-letter topic itself, and for a topic no consumer takes records off (the hub's updates, a log every hub
     * instance reads whole).
     */
    public Optional<Topic<byte[], byte[]>> deadLetter() {
        if (deadLetterName == null) {
            return Optional.empty();
        }
        return Optional.of(new Topic<>(
                deadLetterName,
                partitions,
                byte[].class,
                byte[].class,
                Set.of(),
                Serdes::ByteArray,
                Serdes::ByteArray,
                null));
    }

    @Override
    public String toString() {
        return name;
    }
}
