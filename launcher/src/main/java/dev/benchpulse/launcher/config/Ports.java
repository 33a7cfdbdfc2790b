package dev.benchpulse.launcher.config;

/**
 * The TCP ports of the local stack. Every one can be changed (flags of {@code ./benchpulse up} or
 * {@code BENCHPULSE_*_PORT} variables; their defaults are the options'), so a second stack, or a test, can run beside
 * the first.
 *
 * @param gateway         the dashboard and API (the one URL users open)
 * @param runner          runner-service
 * @param results         results-service
 * @param notifier        notifier-service
 * @param hub             the Mercure hub
 * @param kafka           the Kafka broker's client listener
 * @param kafkaController the Kafka controller listener (KRaft)
 * @param postgres        the embedded PostgreSQL server
 */
public record Ports(
        int gateway, int runner, int results, int notifier, int hub, int kafka, int kafkaController, int postgres) {}
