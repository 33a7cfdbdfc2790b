package dev.benchpulse.launcher.kafka;

import dev.benchpulse.launcher.supervision.Component;
import dev.benchpulse.launcher.supervision.Readiness;

/**
 * An existing Kafka cluster ({@code BENCHPULSE_KAFKA_BOOTSTRAP_SERVERS}) used instead of the embedded broker:
 * nothing is started; the stack checks that it answers and creates the registry topics on it.
 */
public final class ExternalKafka implements Component {

    private final String bootstrapServers;

    public ExternalKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public String name() {
        return KafkaBroker.NAME;
    }

    @Override
    public String address() {
        return bootstrapServers + " (existing)";
    }

    @Override
    public void awaitReady(Readiness readiness) throws Exception {
        KafkaReadiness.awaitAndCreateTopics(bootstrapServers, readiness);
    }

    @Override
    public boolean isHealthy() throws Exception {
        return KafkaReadiness.accepts(bootstrapServers);
    }
}
