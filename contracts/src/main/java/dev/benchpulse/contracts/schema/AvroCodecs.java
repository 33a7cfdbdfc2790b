package dev.benchpulse.contracts.schema;

import dev.benchpulse.contracts.EventType;
import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * One single-object encoder and decoder per event type, built once. Encoders write the current schema; decoders
 * read any known writer version into the current generated class. Both are thread-safe.
 */
public final class AvroCodecs {

    private static final Map<EventType, BinaryMessageEncoder<SpecificRecord>> ENCODERS = new EnumMap<>(EventType.class);
    private static final Map<EventType, BinaryMessageDecoder<SpecificRecord>> DECODERS = new EnumMap<>(EventType.class);

    static {
        for (EventType type : EventType.values()) {
            SpecificData model = SpecificData.getForClass(type.recordClass());
            ENCODERS.put(type, new BinaryMessageEncoder<>(model, type.schema()));
            DECODERS.put(type, new BinaryMessageDecoder<>(model, type.schema(), ContractSchemas.store()));
        }
    }

    private AvroCodecs() {}

    public static BinaryMessageEncoder<SpecificRecord> encoder(EventType type) {
        return ENCODERS.get(type);
    }

    public static BinaryMessageDecoder<SpecificRecord> decoder(EventType type) {
        return DECODERS.get(type);
    }
}
