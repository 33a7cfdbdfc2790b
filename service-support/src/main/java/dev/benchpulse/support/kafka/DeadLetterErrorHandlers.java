package dev.benchpulse.support.kafka;

import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.kafka.AvroSingleObjectSerializer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one error handler of Benchpulse consumers. A record bad in itself ({@link Failures#badRecord}) is retried
 * with a short bounded back-off (not at all when it cannot be decoded), then published, bytes unchanged, to its
 * topic's dead-letter topic from the registry (same partition), logged at ERROR and counted ({@link
 * DeadLetterLog}), and the consumer moves on. Any other failure (a dependency down, a timeout, the unforeseen) is
 * retried with an exponential back-off without limit: the partition waits, nothing is dead-lettered, and {@link
 * OutageTracking} reports the outage. The back-off restarts when the failure changes type, so a record that
 * turns out bad once the dependency is back still reaches the dead-letter topic.
 */
final class DeadLetterErrorHandlers {

    private DeadLetterErrorHandlers() {}

    static DefaultErrorHandler create(
            TopicClients clients,
            BenchpulseKafkaProperties properties,
            DeadLetterLog deadLetterLog,
            OutageTracking outageTracking) {
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(
                deadLetterTemplate(clients), DeadLetterErrorHandlers::deadLetterPartition);
        BackOff bounded = bounded(properties.retry());
        BackOff unbounded = unbounded(properties.outage());
        DefaultErrorHandler handler = new DefaultErrorHandler(
                (record, failure) -> {
                    publisher.accept(record, failure);
                    deadLetterLog.parked(record, deadLetterPartition(record, failure), failure);
                },
                bounded);
        handler.setBackOffFunction((record, failure) -> Failures.badRecord(failure) ? bounded : unbounded);
        handler.setResetStateOnExceptionChange(true);
        handler.setRetryListeners(outageTracking);
        Failures.UNDECODABLE.forEach(handler::addNotRetryableExceptions);
        return handler;
    }

    private static BackOff bounded(BenchpulseKafkaProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialDelay().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxDelay().toMillis());
        backOff.setMaxAttempts(retry.attempts());
        return backOff;
    }

    /** No limit on attempts or elapsed time; the longest pause stays well under the consumer's poll interval. */
    private static BackOff unbounded(BenchpulseKafkaProperties.Outage outage) {
        ExponentialBackOff backOff =
                new ExponentialBackOff(outage.initialDelay().toMillis(), 2.0);
        backOff.setMaxInterval(outage.maxDelay().toMillis());
        return backOff;
    }

    /** The dead-letter partition of a record: same partition of the registry's dead-letter topic. */
    static TopicPartition deadLetterPartition(ConsumerRecord<?, ?> record, Exception failure) {
        String deadLetter = Topics.byName(record.topic())
                .flatMap(Topic::deadLetter)
                .map(Topic::name)
                .orElse(record.topic() + Topic.DEAD_LETTER_SUFFIX);
        return new TopicPartition(deadLetter, record.partition());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static KafkaTemplate<Object, Object> deadLetterTemplate(TopicClients clients) {
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(String.class, new StringSerializer());
        byType.put(SpecificRecord.class, new AvroSingleObjectSerializer<>());
        Serializer keys = new DelegatingByTypeSerializer(byType, true);
        Serializer values = new DelegatingByTypeSerializer(byType, true);
        return new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<Object, Object>(clients.producerProperties(), keys, values));
    }
}
