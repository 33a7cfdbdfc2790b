package dev.benchpulse.contracts;

import dev.benchpulse.contracts.avro.HubUpdate;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads the fields that records share ({@code eventId}, {@code runId}, {@code attemptId}, {@code sequence},
 * {@code occurredAt}) without knowing the record's type. Commands have no attempt or sequence; a hub update has an id
 * of its publisher's choosing and Mercure topics instead of an event id and a run.
 */
public final class Events {

    private Events() {}

    public static UUID eventId(SpecificRecord record) {
        return (UUID) required(record, "eventId");
    }

    public static UUID runId(SpecificRecord record) {
        return (UUID) required(record, "runId");
    }

    /** The CloudEvents {@code ce_id}: the event id, or the id a hub update was published with. */
    public static String cloudEventId(SpecificRecord record) {
        return record instanceof HubUpdate update
                ? update.getId()
                : eventId(record).toString();
    }

    /** The CloudEvents {@code ce_subject}: the run, or a hub update's canonical topic. */
    public static String subject(SpecificRecord record) {
        if (record instanceof HubUpdate update) {
            if (update.getTopics().isEmpty()) {
                throw new IllegalArgumentException("The hub update " + update.getId() + " has no topic: give it at "
                        + "least one (the first is its canonical topic).");
            }
            return update.getTopics().getFirst();
        }
        return runId(record).toString();
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
        return optional(record, field)
                .orElseThrow(() ->
                        new IllegalArgumentException(record.getSchema().getFullName() + " has no field " + field));
    }

    private static Optional<Object> optional(SpecificRecord record, String field) {
        Schema.Field f = record.getSchema().getField(field);
        return f == null ? Optional.empty() : Optional.ofNullable(record.get(f.pos()));
    }
}
