package dev.benchpulse.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.Events;
import dev.benchpulse.contracts.Fixtures;
import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Every record type through a real broker (spring-kafka-test's embedded KRaft broker, shared by the test JVM),
 * written and read with the registry's serdes and nothing else.
 */
class BrokerRoundTripIntegrationTests {

    private final Fixtures fixtures = new Fixtures();

    private static final String BROKERS = System.getProperty("spring.embedded.kafka.brokers");

    @Test
    void every_event_type_round_trips_through_the_broker_with_cloud_events_headers() {
        List<SpecificRecord> sent = fixtures.oneOfEach();
        for (SpecificRecord event : sent) {
            Topic<String, SpecificRecord> topic = topicOf(event);
            // Serializer instances given to a KafkaProducer are not configured by it: configure them first.
            Serializer<SpecificRecord> values = topic.valueSerializer();
            values.configure(producerProps(), false);
            try (KafkaProducer<String, SpecificRecord> producer =
                    new KafkaProducer<>(producerProps(), topic.keySerializer(), values)) {
                producer.send(
                        new ProducerRecord<>(topic.name(), Events.runId(event).toString(), event));
            }
        }

        List<ConsumerRecord<String, SpecificRecord>> received = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.all()) {
            received.addAll(consumeAll(topic, countOn(sent, topic)));
        }

        assertThat(received).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(sent);
        for (ConsumerRecord<String, SpecificRecord> record : received) {
            assertThat(record.key()).isEqualTo(fixtures.run.toString());
            assertThat(header(record, CloudEventHeaders.ID))
                    .isEqualTo(Events.eventId(record.value()).toString());
            assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
            assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/benchpulse/contracts-test");
            assertThat(header(record, CloudEventHeaders.TYPE)).startsWith("dev.benchpulse.");
            assertThat(header(record, CloudEventHeaders.TIME)).isNotBlank();
            assertThat(header(record, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/avro");
        }
    }

    @Test
    void a_record_with_an_unknown_fingerprint_is_rejected_naming_fingerprint_and_topic() {
        String topic = "contracts-test.unknown-" + UUID.randomUUID();
        byte[] bogus = {(byte) 0xC3, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0};
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(producerProps(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", bogus));
        }

        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
                consumerProps(),
                Topics.BENCHMARK_EVENTS.keyDeserializer(),
                Topics.BENCHMARK_EVENTS.valueDeserializer())) {
            consumer.subscribe(List.of(topic));
            RecordDeserializationException failure = pollUntilFailure(consumer);

            assertThat(failure.getCause())
                    .isInstanceOf(UnknownSchemaException.class)
                    .hasMessageContaining("0x0807060504030201")
                    .hasMessageContaining(topic);
            assertThat(failure.offset()).isZero();
        }
    }

    @SuppressWarnings("unchecked")
    private static Topic<String, SpecificRecord> topicOf(SpecificRecord event) {
        return (Topic<String, SpecificRecord>) Topics.all().stream()
                .filter(t -> t.eventTypes().stream()
                        .anyMatch(type -> type.recordClass().isInstance(event)))
                .findFirst()
                .orElseThrow();
    }

    private static long countOn(List<SpecificRecord> sent, Topic<String, ?> topic) {
        return sent.stream().filter(e -> topicOf(e) == topic).count();
    }

    private List<ConsumerRecord<String, SpecificRecord>> consumeAll(Topic<String, ?> topic, long expected) {
        List<ConsumerRecord<String, SpecificRecord>> records = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
                consumerProps(), Topics.BENCHMARK_EVENTS.keyDeserializer(), new AvroSingleObjectDeserializer<>())) {
            consumer.subscribe(List.of(topic.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(fixtures.run.toString())) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    private static RecordDeserializationException pollUntilFailure(KafkaConsumer<String, SpecificRecord> consumer) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                consumer.poll(Duration.ofMillis(200));
            } catch (RecordDeserializationException e) {
                return e;
            }
        }
        throw new AssertionError("the consumer never failed on the record");
    }

    private static Map<String, Object> producerProps() {
        return Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                BROKERS,
                ProducerConfig.CLIENT_ID_CONFIG,
                "contracts-test",
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true);
    }

    private static Map<String, Object> consumerProps() {
        return Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                BROKERS,
                ConsumerConfig.GROUP_ID_CONFIG,
                "contracts-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest");
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return CloudEventHeaders.read(record.headers(), name).orElseThrow();
    }
}
