package dev.benchpulse.support.kafka;

import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.kafka.AvroSingleObjectSerializer;
import dev.benchpulse.contracts.kafka.UnknownSchemaException;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one error handler of Benchpulse consumers: a failing record is retried with a bounded exponential back-off,
 * then published, bytes unchanged where it could not be decoded, to its topic's dead-letter topic from the
 * registry (same partition), and the consumer moves on. Records that cannot be decoded are not retried.
 */
final class DeadLetterErrorHandlers {

    private DeadLetterErrorHandlers() {
    }

    static DefaultErrorHandler create(TopicClients clients, BenchpulseKafkaProperties.Retry retry) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate(clients),
                DeadLetterErrorHandlers::deadLetterPartition);
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialDelay().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxDelay().toMillis());
        backOff.setMaxAttempts(retry.attempts());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(UnknownSchemaException.class, SerializationException.class,
                ClassCastException.class);
        return handler;
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
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<Object, Object>(
                clients.producerProperties(), keys, values));
    }
}
