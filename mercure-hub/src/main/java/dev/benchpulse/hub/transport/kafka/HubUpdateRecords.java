package dev.benchpulse.hub.transport.kafka;

import dev.benchpulse.contracts.avro.HubUpdate;
import dev.benchpulse.hub.update.Update;
import java.time.Instant;

/**
 * Turns updates into the topic's {@link HubUpdate} records and back. A record is read back only when it could have
 * been published over HTTP (at least one topic; an id and a type without line breaks; no id starting with
 * {@code #}): anyone who can write to the topic can publish, so what they write is checked like a publish request.
 */
final class HubUpdateRecords {

    private HubUpdateRecords() {}

    static HubUpdate toRecord(Update update, Instant publishedAt) {
        return new HubUpdate(
                update.id(),
                update.topics(),
                update.data(),
                update.isPrivate(),
                update.type(),
                update.retry(),
                publishedAt);
    }

    /**
     * The update a record carries.
     *
     * @throws IllegalArgumentException saying why, when the record is bad in itself
     */
    static Update toUpdate(HubUpdate record) {
        String id = record.getId();
        if (id == null || id.isBlank() || id.startsWith("#") || breaksLine(id)) {
            throw new IllegalArgumentException("its id '" + id + "' is blank, starts with '#' or has a line break");
        }
        if (record.getTopics() == null || record.getTopics().isEmpty()) {
            throw new IllegalArgumentException("the update " + id + " has no topic");
        }
        if (record.getType() != null && breaksLine(record.getType())) {
            throw new IllegalArgumentException("the type of the update " + id + " has a line break");
        }
        String type = record.getType() == null || record.getType().isBlank() ? null : record.getType();
        return new Update(id, record.getTopics(), record.getData(), record.getPrivateUpdate(), type, record.getRetry());
    }

    private static boolean breaksLine(String value) {
        return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    }
}
