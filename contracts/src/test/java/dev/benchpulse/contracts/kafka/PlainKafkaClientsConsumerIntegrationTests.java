package dev.benchpulse.contracts.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.Fixtures;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The consumer of docs/contracts.md, as another team would write it: plain kafka-clients configured by
 * properties, and the contracts jar. Nothing from Spring.
 */
class PlainKafkaClientsConsumerIntegrationTests {

    private final Fixtures fixtures = new Fixtures();

    private static final String BROKERS = System.getProperty("spring.embedded.kafka.brokers");

    @Test
    void a_plain_kafka_clients_consumer_reads_the_lifecycle_of_a_run_in_order() {
        List<SpecificRecord> lifecycle = fixtures.oneOfEach().subList(1, 4);
        publish(lifecycle);

        List<String> seen = new ArrayList<>();
        Properties props = new Properties();
        props.put("bootstrap.servers", BROKERS);
        props.put("group.id", "other-team-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        props.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        props.put("value.deserializer", "dev.benchpulse.contracts.kafka.AvroSingleObjectDeserializer");
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.BENCHMARK_EVENTS.name())); // docs/contracts.md spells the name out
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.size() < lifecycle.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, SpecificRecord> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(fixtures.run.toString())) {
                        seen.add(describe(record.value()));
                    }
                }
            }
        }

        assertThat(seen).containsExactly("started on php-jit", "sample 1 of 3: 41.5 ns/op", "completed 3 samples");
    }

    private static String describe(SpecificRecord event) {
        return switch (event) {
            case BenchmarkStarted s -> "started on " + s.getRuntime().getId();
            case BenchmarkProgress p ->
                "sample %d of %d: %s ns/op"
                        .formatted(
                                p.getCurrentIteration(),
                                p.getTotalIterations(),
                                p.getSample().getTimePerOperationNanos());
            case BenchmarkCompleted c -> "completed " + c.getTotalIterations() + " samples";
            case BenchmarkFailed f -> "failed: " + f.getReason() + " " + f.getMessage();
            default -> "unknown " + event.getSchema().getFullName();
        };
    }

    private void publish(List<SpecificRecord> events) {
        Properties props = new Properties();
        props.put("bootstrap.servers", BROKERS);
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(
                props, Topics.BENCHMARK_EVENTS.keySerializer(), Topics.BENCHMARK_EVENTS.valueSerializer())) {
            events.forEach(e ->
                    producer.send(new ProducerRecord<>(Topics.BENCHMARK_EVENTS.name(), fixtures.run.toString(), e)));
        }
    }
}
