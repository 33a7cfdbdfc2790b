package dev.benchpulse.notifier.update;

import java.util.UUID;

/**
 * One private update for the hub: the run's topic, the id browsers resume from with {@code Last-Event-ID} (the
 * Kafka event's {@code eventId}), and the data.
 */
public record MercureUpdate(String topic, String id, UpdateType type, UpdateData data) {

    private static final String TOPIC_PREFIX = "urn:benchpulse:runs:";

    /** The topic IRI of a run, as {@code POST /api/runs} returns it. */
    public static String topicOf(UUID runId) {
        return TOPIC_PREFIX + runId;
    }
}
