package dev.benchpulse.contracts.kafka;

import dev.benchpulse.contracts.EventType;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for the values of one topic: Avro single-object encoding of the event types the topic allows.
 *
 * @param <V> the topic's value type
 */
public final class AvroSerde<V extends SpecificRecord> implements Serde<V> {

    private final Class<V> valueType;
    private final Set<EventType> allowed;

    public AvroSerde(Class<V> valueType, Set<EventType> allowed) {
        this.valueType = valueType;
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public Serializer<V> serializer() {
        return new AvroSingleObjectSerializer<>(allowed);
    }

    @Override
    public Deserializer<V> deserializer() {
        return new AvroSingleObjectDeserializer<>(valueType, allowed);
    }
}
