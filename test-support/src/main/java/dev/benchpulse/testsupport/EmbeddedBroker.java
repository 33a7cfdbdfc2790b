package dev.benchpulse.testsupport;

/** The JVM-wide embedded Kafka broker that spring-kafka-test starts before the first test. */
public final class EmbeddedBroker {

    private EmbeddedBroker() {
    }

    /** The broker's bootstrap servers; fails with a clear message when the global broker is not enabled. */
    public static String bootstrapServers() {
        String brokers = System.getProperty(EmbeddedKafkaContextCustomizerFactory.BROKERS_PROPERTY);
        if (brokers == null || brokers.isBlank()) {
            throw new IllegalStateException("No embedded Kafka broker: only integration tests (*IntegrationTests, run "
                    + "by Failsafe: ./mvnw verify -Dit.test=...) get one, in modules that set "
                    + "integration-tests.embedded-kafka=true and have spring-kafka-test on the test class path.");
        }
        return brokers;
    }
}
