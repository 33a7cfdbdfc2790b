package dev.benchpulse.contracts.schema;

import dev.benchpulse.contracts.EventType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.SchemaStore;

/**
 * All schemas this jar can read, current and released, by fingerprint: the {@link SchemaStore} that single-object
 * decoding resolves writer schemas from, without a registry server.
 */
public final class ContractSchemas {

    private static final SchemaStore.Cache STORE = new SchemaStore.Cache();
    private static final Map<Long, Schema> BY_FINGERPRINT = new HashMap<>();
    private static final Map<EventType, Long> CURRENT = new EnumMap<>(EventType.class);
    private static final Pattern TEXT = Pattern.compile("[0-9a-fA-F]{16}");

    static {
        AvroTrust.install();
        for (EventType type : EventType.values()) {
            add(type.schema());
            CURRENT.put(type, fingerprint(type.schema()));
            SchemaHistory.versions(type).forEach(ContractSchemas::add);
        }
    }

    private ContractSchemas() {}

    public static SchemaStore store() {
        return STORE;
    }

    public static Optional<Schema> byFingerprint(long fingerprint) {
        return Optional.ofNullable(BY_FINGERPRINT.get(fingerprint));
    }

    /** Number of distinct schema versions known. */
    public static int size() {
        return BY_FINGERPRINT.size();
    }

    /** The CRC-64-AVRO fingerprint of a schema's parsing canonical form, as written by single-object encoding. */
    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /** The fingerprint of the schema this jar writes a type with (computed once). */
    public static long fingerprint(EventType type) {
        return CURRENT.get(type);
    }

    /**
     * The text form of a fingerprint used in URLs and documents: the 64-bit value as 16 lower-case hex digits, most
     * significant first. Single-object encoding writes the same value little-endian, so the bytes
     * {@code 01 02 03 04 05 06 07 08} after {@code C3 01} read as {@code 0807060504030201}.
     */
    public static String text(long fingerprint) {
        return "%016x".formatted(fingerprint);
    }

    /** Reads the {@linkplain #text(long) text form} (either case); empty when it is not 16 hex digits. */
    public static Optional<Long> parseText(String text) {
        if (text == null || !TEXT.matcher(text).matches()) {
            return Optional.empty();
        }
        return Optional.of(Long.parseUnsignedLong(text.toLowerCase(Locale.ROOT), 16));
    }

    private static void add(Schema schema) {
        STORE.addSchema(schema);
        BY_FINGERPRINT.put(fingerprint(schema), schema);
    }
}
