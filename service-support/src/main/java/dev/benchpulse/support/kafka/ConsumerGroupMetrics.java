package dev.benchpulse.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Binds the Kafka client meters of each consumer {@link TopicClients} creates, tagged with the consumer's group
 * ({@code group}), so that a dashboard can show the lag of each group
 * ({@code kafka_consumer_fetch_manager_records_lag_max{group="benchpulse-results"}}). Spring Kafka's own
 * {@code MicrometerConsumerListener} tags a consumer by factory and client id only, and the services name their
 * clients in different ways. A consumer without a group (manual assignment) is tagged {@value #NO_GROUP}.
 */
final class ConsumerGroupMetrics<K, V> implements ConsumerFactory.Listener<K, V> {

    static final String NO_GROUP = "none";

    private final MeterRegistry registry;
    private final Map<String, KafkaClientMetrics> bound = new ConcurrentHashMap<>();

    ConsumerGroupMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void consumerAdded(String id, Consumer<K, V> consumer) {
        KafkaClientMetrics metrics =
                new KafkaClientMetrics(consumer, List.of(Tag.of("spring.id", id), Tag.of("group", groupOf(consumer))));
        metrics.bindTo(registry);
        KafkaClientMetrics previous = bound.put(id, metrics);
        if (previous != null) {
            previous.close();
        }
    }

    @Override
    public void consumerRemoved(String id, Consumer<K, V> consumer) {
        KafkaClientMetrics metrics = bound.remove(id);
        if (metrics != null) {
            metrics.close();
        }
    }

    /** Called while the consumer is being created, before any thread polls it. */
    static String groupOf(Consumer<?, ?> consumer) {
        try {
            String group = consumer.groupMetadata().groupId();
            return group == null || group.isBlank() ? NO_GROUP : group;
        } catch (InvalidGroupIdException e) {
            return NO_GROUP;
        }
    }
}
