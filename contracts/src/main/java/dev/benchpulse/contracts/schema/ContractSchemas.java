package dev.benchpulse.contracts.schema;

import dev.benchpulse.contracts.EventType;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

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

    static {
        AvroTrust.install();
        for (EventType type : EventType.values()) {
            add(type.schema());
            SchemaHistory.versions(type).forEach(ContractSchemas::add);
        }
    }

    private ContractSchemas() {
    }

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

    private static void add(Schema schema) {
        STORE.addSchema(schema);
        BY_FINGERPRINT.put(fingerprint(schema), schema);
    }
}
