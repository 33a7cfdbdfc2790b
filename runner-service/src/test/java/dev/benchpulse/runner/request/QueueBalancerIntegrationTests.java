package dev.benchpulse.runner.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.testsupport.EmbeddedBroker;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Requests go to the partition with the fewest requests waiting for the workers, counted on the broker. */
class QueueBalancerIntegrationTests {

    @Test
    void a_request_goes_to_the_shortest_queue_counting_what_the_workers_have_not_taken_and_what_was_just_placed()
            throws Exception {
        String topic = "balancer-" + UUID.randomUUID();
        String group = "workers-" + UUID.randomUUID();
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
            publish(topic, 0, 5);
            publish(topic, 1, 2);
            MutableClock clock = new MutableClock();
            QueueBalancer balancer = new QueueBalancer(admin, topic, 3, group, clock, Duration.ofSeconds(1));

            assertThat(balancer.place(1).block()).as("empty queue").isEqualTo(2);
            assertThat(balancer.place(3).block())
                    .as("still the shortest (1 placed)")
                    .isEqualTo(2);
            assertThat(balancer.place(1).block())
                    .as("2 waiting against 4 placed")
                    .isEqualTo(1);

            // the workers take everything of partition 0
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(5)))
                    .all()
                    .get();
            clock.advance(Duration.ofSeconds(2));
            assertThat(balancer.place(1).block())
                    .as("read again: partition 0 is empty now")
                    .isEqualTo(0);
        }
    }

    private static void publish(String topic, int partition, int count) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()),
                new StringSerializer(),
                new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v"))
                        .get();
            }
        }
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private java.time.Instant now = java.time.Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
