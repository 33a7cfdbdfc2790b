package dev.benchpulse.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.runner.TestFixtures;
import dev.benchpulse.testsupport.EmbeddedBroker;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The worker's consumer settings make it take its partitions' requests in turn: a request queued on one partition
 * after a long matrix on another is taken among the first, not after the matrix.
 */
class RequestQueuesIntegrationTests {

    @Test
    void a_request_behind_no_matrix_is_taken_before_the_matrix_queued_on_another_partition_is_done() throws Exception {
        String topic = "queue-fairness-" + UUID.randomUUID();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < 12; i++) { // a matrix, sent one request at a time as the runner sends them
                producer.send(new ProducerRecord<>(topic, 0, "matrix-" + i, "matrix"))
                        .get();
            }
            producer.send(new ProducerRecord<>(topic, 1, "single", "single")).get();
        }

        List<String> taken = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(workerSettings(), new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (taken.size() < 13 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    taken.add(record.key());
                }
            }
        }

        assertThat(taken).hasSize(13);
        assertThat(taken.indexOf("single"))
                .as("position of the single request in %s", taken)
                .isLessThanOrEqualTo(2);
    }

    private static Properties workerSettings() throws IOException {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(EmbeddedBroker.bootstrapServers()));
        Properties settings = new Properties();
        settings.putAll(RunConfiguration.consumerProperties(kafka, TestFixtures.shipped(RunProperties.class, 0)));
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "fairness-" + UUID.randomUUID());
        return settings;
    }
}
