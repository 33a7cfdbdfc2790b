package dev.benchpulse.contracts.kafka;

import dev.benchpulse.contracts.EventType;
import dev.benchpulse.contracts.schema.AvroCodecs;
import dev.benchpulse.contracts.schema.ContractSchemas;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro single-object encoded Benchpulse records. The writer schema is found by its fingerprint among every
 * released version of every schema in this jar, and the record is resolved into the current generated class, so
 * records written by older and newer producers are read alike. Bytes that are not such a record fail with an
 * {@link UnknownSchemaException} naming the topic and the fingerprint.
 *
 * @param <V> the value type
 */
public class AvroSingleObjectDeserializer<V> implements Deserializer<V> {

    private static final int HEADER_LENGTH = 10;

    private final Class<V> valueType;
    private final Set<EventType> allowed;

    /** A deserializer for every Benchpulse event type, as used when configured by class name. */
    @SuppressWarnings("unchecked")
    public AvroSingleObjectDeserializer() {
        this((Class<V>) SpecificRecord.class, EnumSet.allOf(EventType.class));
    }

    public AvroSingleObjectDeserializer(Class<V> valueType, Set<EventType> allowed) {
        this.valueType = valueType;
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public V deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        long fingerprint = fingerprintOf(topic, data);
        Schema writer = ContractSchemas.byFingerprint(fingerprint)
                .orElseThrow(() -> new UnknownSchemaException(
                        "Unknown writer schema fingerprint %s in a record on topic %s: it is none of the %d schema versions this contracts jar knows. Upgrade the contracts jar if the producer is newer."
                                .formatted(hex(fingerprint), topic, ContractSchemas.size()),
                        topic,
                        fingerprint));
        EventType type = EventType.bySchemaName(writer.getFullName()).orElseThrow();
        if (!allowed.contains(type)) {
            throw new UnknownSchemaException(
                    "A %s record (fingerprint %s) does not belong on topic %s, which carries %s"
                            .formatted(type, hex(fingerprint), topic, allowed),
                    topic,
                    fingerprint);
        }
        try {
            return valueType.cast(AvroCodecs.decoder(type).decode(data));
        } catch (Exception e) {
            throw new SerializationException(
                    "Cannot decode a %s record (fingerprint %s) on topic %s: %s"
                            .formatted(type, hex(fingerprint), topic, e.getMessage()),
                    e);
        }
    }

    private static long fingerprintOf(String topic, byte[] data) {
        if (data.length < HEADER_LENGTH || (data[0] & 0xFF) != 0xC3 || (data[1] & 0xFF) != 0x01) {
            String start = HexFormat.ofDelimiter(" ").formatHex(data, 0, Math.min(data.length, HEADER_LENGTH));
            throw new UnknownSchemaException(
                    "A record on topic %s is not Avro single-object encoded: it starts with [%s], not C3 01 and a schema fingerprint"
                            .formatted(topic, start),
                    topic,
                    null);
        }
        long fingerprint = 0;
        for (int i = HEADER_LENGTH - 1; i >= 2; i--) {
            fingerprint = (fingerprint << 8) | (data[i] & 0xFFL);
        }
        return fingerprint;
    }

    static String hex(long fingerprint) {
        return "0x%016x".formatted(fingerprint);
    }
}
