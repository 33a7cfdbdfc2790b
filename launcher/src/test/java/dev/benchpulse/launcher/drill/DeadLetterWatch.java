package dev.benchpulse.launcher.drill;

import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The dead-letter topics during one drill: where each partition ended when the drill began, and what was parked
 * after that.
 */
final class DeadLetterWatch {

    private final String bootstrapServers;
    private final Map<TopicPartition, Long> start;

    private DeadLetterWatch(String bootstrapServers, Map<TopicPartition, Long> start) {
        this.bootstrapServers = bootstrapServers;
        this.start = start;
    }

    static DeadLetterWatch from(String bootstrapServers) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            return new DeadLetterWatch(bootstrapServers, consumer.endOffsets(partitions(consumer)));
        }
    }

    /** Every record parked since the watch began, as {@code <dead-letter topic>: <value as text>}. */
    List<String> parkedSince() {
        List<String> parked = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrapServers)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(start.keySet());
            List<TopicPartition> grown =
                    end.keySet().stream().filter(p -> end.get(p) > start.get(p)).toList();
            consumer.assign(grown);
            grown.forEach(p -> consumer.seek(p, start.get(p)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (grown.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        parked.add(record.topic() + ": "
                                + (record.value() == null
                                        ? "(no value)"
                                        : new String(record.value(), StandardCharsets.UTF_8)));
                    }
                }
            }
        }
        return parked;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<String> names = Topics.allWithDeadLetters().stream()
                .map(Topic::name)
                .filter(name -> name.endsWith(Topic.DEAD_LETTER_SUFFIX))
                .toList();
        return names.stream()
                .flatMap(name -> consumer.partitionsFor(name).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .collect(Collectors.toList());
    }

    private static KafkaConsumer<byte[], byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
    }
}
