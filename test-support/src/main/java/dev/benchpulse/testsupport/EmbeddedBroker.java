package dev.benchpulse.testsupport;

/** The JVM-wide embedded Kafka broker that spring-kafka-test starts before the first test. */
public final class EmbeddedBroker {

    private EmbeddedBroker() {
    }

    /** The broker's bootstrap servers; fails with a clear message when the global broker is not enabled. */
    public static String bootstrapServers() {
        String brokers = System.getProperty(EmbeddedKafkaContextCustomizerFactory.BROKERS_PROPERTY);
        if (brokers == null || brokers.isBlank()) {
            throw new IllegalStateException("No embedded Kafka broker: the module's tests need spring-kafka-test on "
                    + "the test class path and surefire's spring.kafka.global.embedded.enabled=true (root pom).");
        }
        return brokers;
    }
}
