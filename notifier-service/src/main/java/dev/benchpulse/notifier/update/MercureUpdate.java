package dev.benchpulse.notifier.update;

/**
 * One private update for the hub: the run's topic ({@code RunTopics}), the id browsers resume from with
 * {@code Last-Event-ID} (the Kafka event's {@code eventId}), and the data.
 */
public record MercureUpdate(String topic, String id, UpdateType type, UpdateData data) {}
