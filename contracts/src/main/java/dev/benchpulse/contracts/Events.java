package dev.benchpulse.contracts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads the fields that records share ({@code eventId}, {@code runId}, {@code attemptId}, {@code sequence},
 * {@code occurredAt}) without knowing the record's type. Commands have no attempt or sequence.
 */
public final class Events {

    private Events() {
    }

    public static UUID eventId(SpecificRecord record) {
        return (UUID) required(record, "eventId");
    }

    public static UUID runId(SpecificRecord record) {
        return (UUID) required(record, "runId");
    }

    public static Instant occurredAt(SpecificRecord record) {
        return (Instant) required(record, "occurredAt");
    }

    /** The attempt of a lifecycle event; empty for commands. */
    public static Optional<UUID> attemptId(SpecificRecord record) {
        return optional(record, "attemptId").map(UUID.class::cast);
    }

    /** The sequence of a lifecycle event within its attempt; empty for commands. */
    public static Optional<Integer> sequence(SpecificRecord record) {
        return optional(record, "sequence").map(Integer.class::cast);
    }

    private static Object required(SpecificRecord record, String field) {
        return optional(record, field).orElseThrow(() -> new IllegalArgumentException(
                record.getSchema().getFullName() + " has no field " + field));
    }

    private static Optional<Object> optional(SpecificRecord record, String field) {
        Schema.Field f = record.getSchema().getField(field);
        return f == null ? Optional.empty() : Optional.ofNullable(record.get(f.pos()));
    }
}
