package dev.benchpulse.support.kafka;

import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.kafka.AvroSingleObjectSerializer;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Builds Kafka clients for a registry topic from Spring Boot's {@code spring.kafka.*} settings and the topic's own
 * serdes, so a consumer or producer cannot be wired to the wrong serde. Consumers wrap the deserializers in an
 * {@link ErrorHandlingDeserializer}: a record that cannot be decoded reaches the error handler (and the dead-letter
 * topic) instead of stopping the consumer. Producers are idempotent with {@code acks=all}, and name their writer
 * schema's URL in {@code ce_dataschema} when a schema base URL is configured. Templates and listener containers are
 * observed as Spring Boot's {@code spring.kafka.template.observation-enabled} and
 * {@code spring.kafka.listener.observation-enabled} say (trace context in the record headers, so a run is one trace
 * across the services), and consumers' client meters carry their group ({@link ConsumerGroupMetrics}).
 */
public class TopicClients {

    private final KafkaProperties kafka;
    private final CommonErrorHandler errorHandler;
    private final String cloudEventsSource;
    private final String schemaBaseUrl;
    private final OutageTracking outageTracking;
    private KafkaInstrumentation instrumentation = KafkaInstrumentation.NONE;

    public TopicClients(KafkaProperties kafka, CommonErrorHandler errorHandler, String cloudEventsSource) {
        this(kafka, errorHandler, cloudEventsSource, null);
    }

    /** As above; {@code schemaBaseUrl}, when not blank, makes producers set {@code ce_dataschema}. */
    public TopicClients(
            KafkaProperties kafka, CommonErrorHandler errorHandler, String cloudEventsSource, String schemaBaseUrl) {
        this(kafka, errorHandler, cloudEventsSource, schemaBaseUrl, null);
    }

    TopicClients(
            KafkaProperties kafka,
            CommonErrorHandler errorHandler,
            String cloudEventsSource,
            String schemaBaseUrl,
            OutageTracking outageTracking) {
        this.kafka = kafka;
        this.errorHandler = errorHandler;
        this.cloudEventsSource = cloudEventsSource;
        this.schemaBaseUrl = schemaBaseUrl;
        this.outageTracking = outageTracking;
    }

    /**
     * Observes and meters the clients built from now on; called once, by the auto-configuration, before any client is
     * built. Clients of a {@code TopicClients} never instrumented have no observation and no client meters.
     */
    void instrument(KafkaInstrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    public <K, V> ConsumerFactory<K, V> consumerFactory(Topic<K, V> topic) {
        DefaultKafkaConsumerFactory<K, V> factory = new DefaultKafkaConsumerFactory<>(
                kafka.buildConsumerProperties(),
                new ErrorHandlingDeserializer<>(topic.keyDeserializer()),
                new ErrorHandlingDeserializer<>(topic.valueDeserializer()));
        if (instrumentation.meters() != null) {
            factory.addListener(new ConsumerGroupMetrics<>(instrumentation.meters()));
        }
        return factory;
    }

    /**
     * A listener container factory for one topic with the shared error handler, and interceptors that end a
     * consumer's wait for a dependency once its work goes through; {@code customizer} may change container
     * properties such as the ack mode or concurrency.
     */
    public <K, V> ConcurrentKafkaListenerContainerFactory<K, V> listenerFactory(
            Topic<K, V> topic, Consumer<ConcurrentKafkaListenerContainerFactory<K, V>> customizer) {
        ConcurrentKafkaListenerContainerFactory<K, V> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory(topic));
        factory.setCommonErrorHandler(errorHandler);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        if (outageTracking != null) {
            factory.setRecordInterceptor(cast(outageTracking));
            factory.setBatchInterceptor(cast(outageTracking));
        }
        factory.getContainerProperties()
                .setObservationEnabled(kafka.getListener().isObservationEnabled());
        factory.getContainerProperties().setObservationRegistry(instrumentation.observations());
        customizer.accept(factory);
        return factory;
    }

    public <K, V> KafkaTemplate<K, V> template(Topic<K, V> topic) {
        DefaultKafkaProducerFactory<K, V> factory =
                new DefaultKafkaProducerFactory<>(producerProperties(), topic.keySerializer(), topic.valueSerializer());
        KafkaTemplate<K, V> template = new KafkaTemplate<>(factory);
        template.setDefaultTopic(topic.name());
        template.setObservationEnabled(kafka.getTemplate().isObservationEnabled());
        template.setObservationRegistry(instrumentation.observations());
        return template;
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object interceptor) {
        return (T) interceptor;
    }

    Map<String, Object> producerProperties() {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(AvroSingleObjectSerializer.SOURCE_CONFIG, cloudEventsSource);
        if (schemaBaseUrl != null && !schemaBaseUrl.isBlank()) {
            props.putIfAbsent(AvroSingleObjectSerializer.SCHEMA_BASE_URL_CONFIG, schemaBaseUrl);
        }
        return props;
    }
}
