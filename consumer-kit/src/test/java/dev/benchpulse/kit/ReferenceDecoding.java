package dev.benchpulse.kit;

import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.kafka.CloudEventHeaders;
import dev.benchpulse.contracts.schema.ContractSchemas;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the consumers must print: every record of some registry topics, read to their current end and decoded by
 * the contracts' own deserializer of each topic, as the {@link ConsumerLines#normalize normalized} tree of the
 * line a consumer prints for it.
 */
final class ReferenceDecoding {

    /** One record: its decoded value, and the line a consumer must print for it. */
    record Decoded(String topic, String key, SpecificRecord value, Map<String, Object> line) {}

    private ReferenceDecoding() {}

    static List<Decoded> read(String bootstrapServers, List<Topic<String, ?>> topics) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(t -> consumer.partitionsFor(t.name()).stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Decoded> decoded = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    Topic<String, ?> topic = topics.stream()
                            .filter(t -> t.name().equals(record.topic()))
                            .findFirst()
                            .orElseThrow();
                    decoded.add(decode(topic, record));
                }
            }
            return decoded;
        }
    }

    private static Decoded decode(Topic<String, ?> topic, ConsumerRecord<String, byte[]> record) {
        SpecificRecord value = (SpecificRecord)
                topic.valueDeserializer().deserialize(record.topic(), record.headers(), record.value());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("topic", record.topic());
        line.put("partition", ConsumerLines.number(record.partition()));
        line.put("offset", ConsumerLines.number(record.offset()));
        line.put("key", record.key());
        line.put(
                "type",
                CloudEventHeaders.read(record.headers(), CloudEventHeaders.TYPE).orElse(null));
        line.put(
                "dataschema",
                CloudEventHeaders.read(record.headers(), CloudEventHeaders.DATA_SCHEMA)
                        .orElse(null));
        line.put(
                "fingerprint",
                ContractSchemas.text(ByteBuffer.wrap(record.value(), 2, 8)
                        .order(ByteOrder.LITTLE_ENDIAN)
                        .getLong()));
        line.put("schema", value.getSchema().getFullName());
        line.put("event", plain(value));
        return new Decoded(record.topic(), record.key(), value, line);
    }

    /** A decoded value as JSON carries it: UUIDs and enum symbols as strings, times in epoch milliseconds. */
    private static Object plain(Object value) {
        return switch (value) {
            case null -> null;
            case IndexedRecord record -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                for (Schema.Field field : record.getSchema().getFields()) {
                    fields.put(field.name(), plain(record.get(field.pos())));
                }
                yield fields;
            }
            case Map<?, ?> map -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                map.forEach((k, v) -> entries.put(k.toString(), plain(v)));
                yield entries;
            }
            case Collection<?> items ->
                items.stream().map(ReferenceDecoding::plain).toList();
            case Instant instant -> ConsumerLines.number(instant.toEpochMilli());
            case Number number -> ConsumerLines.number(number);
            case Boolean b -> b;
            case UUID uuid -> uuid.toString();
            default -> value.toString();
        };
    }
}
