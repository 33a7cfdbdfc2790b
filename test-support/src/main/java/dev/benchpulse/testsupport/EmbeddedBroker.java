package dev.benchpulse.testsupport;

/**
 * The JVM-wide Kafka broker of the tests: spring-kafka-test's embedded one, started before the first test, or in a
 * {@code -Ptestcontainers} run the Kafka container of {@link TestContainers}.
 */
public final class EmbeddedBroker {

    private EmbeddedBroker() {}

    /** The broker's bootstrap servers; fails with a clear message when there is no broker. */
    public static String bootstrapServers() {
        if (TestContainers.requested()) {
            return TestContainers.kafkaBootstrapServers();
        }
        String brokers = System.getProperty(EmbeddedKafkaContextCustomizerFactory.BROKERS_PROPERTY);
        if (brokers == null || brokers.isBlank()) {
            throw new IllegalStateException("No embedded Kafka broker: only integration tests (*IntegrationTests, run "
                    + "by Failsafe: ./mvnw verify -Dit.test=...) get one, in modules that set "
                    + "integration-tests.embedded-kafka=true and have spring-kafka-test on the test class path.");
        }
        return brokers;
    }
}
