package dev.benchpulse.results.deadletters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads the dead-letter topics with plain Kafka clients: how many records wait ({@link #offsets}), which ones
 * ({@link #peek}), and hands them to {@link DeadLetterReplay}. Blocking: call from a thread that may block.
 * <p>
 * Not a {@code @KafkaListener}: nothing here consumes continuously. Each operator request reads one bounded range of
 * offsets (assigned and sought, with a deadline) and ends, which a listener container, made to run for the life of
 * the service, does not do.
 */
@Component
class DeadLetters implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaProperties kafka;
    private final Admin admin;

    DeadLetters(KafkaProperties kafka) {
        this.kafka = kafka;
        this.admin = Admin.create(kafka.buildAdminProperties());
    }

    /** Where the waiting records of {@code topic} are. */
    DeadLetterOffsets offsets(DeadLetterTopic topic) {
        List<TopicPartition> partitions = topic.topicPartitions();
        Map<TopicPartition, Long> starts = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, OffsetAndMetadata> replayed = await(
                admin.listConsumerGroupOffsets(DeadLetterTopic.REPLAY_GROUP).partitionsToOffsetAndMetadata());
        return DeadLetterOffsets.of(starts, ends, replayed);
    }

    /** Up to {@code limit} waiting records of {@code topic}, oldest first per partition. */
    List<DeadLetterRecord> peek(DeadLetterTopic topic, int limit) {
        DeadLetterOffsets offsets = offsets(topic);
        List<DeadLetterRecord> records = new ArrayList<>();
        if (limit == 0 || offsets.depth() == 0) {
            return records;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(null)) {
            read(consumer, offsets, record -> {
                records.add(DeadLetterRecord.of(record));
                return records.size() < limit;
            });
        }
        return records;
    }

    /**
     * Reads every record between the offsets, in order per partition, handing each to {@code each} until it
     * answers false; bounded by a deadline. Returns the offsets reached.
     */
    Map<TopicPartition, Long> read(
            KafkaConsumer<byte[], byte[]> consumer,
            DeadLetterOffsets offsets,
            Function<ConsumerRecord<byte[], byte[]>, Boolean> each) {
        Map<TopicPartition, Long> reached = new HashMap<>(offsets.from());
        List<TopicPartition> pending = offsets.to().keySet().stream()
                .filter(p -> offsets.to().get(p) > reached.get(p))
                .collect(Collectors.toCollection(ArrayList::new));
        consumer.assign(pending);
        pending.forEach(p -> consumer.seek(p, reached.get(p)));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= offsets.to().get(partition) || !pending.contains(partition)) {
                    continue;
                }
                if (!each.apply(record)) {
                    return reached;
                }
                reached.put(partition, record.offset() + 1);
            }
            pending.removeIf(p -> consumer.position(p) >= offsets.to().get(p));
        }
        return reached;
    }

    /** A byte consumer; in {@code group} when given (to commit what was replayed), never committing by itself. */
    KafkaConsumer<byte[], byte[]> consumer(String group) {
        Map<String, Object> props = kafka.buildConsumerProperties();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private Map<TopicPartition, Long> offsets(List<TopicPartition> partitions, OffsetSpec spec) {
        var result = await(admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> spec)))
                .all());
        return result.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    static <T> T await(Future<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the dead-letter topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot read the dead-letter topics from Kafka: " + e.getMessage(), e);
        }
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(5));
    }
}
