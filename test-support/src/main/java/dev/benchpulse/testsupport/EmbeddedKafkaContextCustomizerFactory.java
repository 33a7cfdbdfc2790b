package dev.benchpulse.testsupport;

import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Points every Spring test context at the JVM-wide embedded Kafka broker when one runs: spring-kafka-test's global
 * broker publishes its address as the system property {@value #BROKERS_PROPERTY}; this sets
 * {@code spring.kafka.bootstrap-servers} to it, or to the Kafka container's in a {@code -Ptestcontainers} run
 * ({@link TestContainers}). Registered in {@code META-INF/spring.factories}.
 */
public class EmbeddedKafkaContextCustomizerFactory implements ContextCustomizerFactory {

    public static final String BROKERS_PROPERTY = "spring.embedded.kafka.brokers";

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new BootstrapServersCustomizer();
    }

    /** Stateless, so equal to every other instance and harmless to context caching. */
    private static final class BootstrapServersCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(
                org.springframework.context.ConfigurableApplicationContext context,
                org.springframework.test.context.MergedContextConfiguration mergedConfig) {
            String brokers = TestContainers.requested()
                    ? TestContainers.kafkaBootstrapServers()
                    : System.getProperty(BROKERS_PROPERTY);
            if (brokers != null
                    && !brokers.isBlank()
                    && !context.getEnvironment().containsProperty("benchpulse.test.kafka.keep-bootstrap-servers")) {
                TestPropertyValues.of("spring.kafka.bootstrap-servers=" + brokers)
                        .applyTo(context);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BootstrapServersCustomizer;
        }

        @Override
        public int hashCode() {
            return BootstrapServersCustomizer.class.hashCode();
        }
    }
}
