package dev.benchpulse.runner.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.runner.RunnerIntegrationTest;
import dev.benchpulse.testsupport.TopicPublisher;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The run-request consumer exactly as the runner configures it, in a consumer group that has never committed an
 * offset: what every runner of a fresh deployment is. Requests published before the group first joins must still
 * reach the worker (issue 15: no run stays queued forever). The shared test context's own group committed its
 * offsets long ago and cannot show this, so the test gives the consumer a group and a topic of its own (the topic
 * only keeps this test's requests away from the context's runners).
 */
@RunnerIntegrationTest
class RunRequestConsumersIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    KafkaProperties kafka;

    @Autowired
    RunProperties properties;

    @Test
    void a_new_group_receives_the_requests_published_before_it_first_joined_one_record_per_poll() {
        Topic<String, RunRequested> topic = privateRunRequestsTopic();
        String runId = UUID.randomUUID().toString();
        long first;
        try (TopicPublisher<String, RunRequested> requests = TopicPublisher.to(topic)) {
            first = requests.send(runId, request(runId)).offset();
            requests.send(runId, request(runId));
        }
        Map<String, Object> config = RunConfiguration.consumerProperties(kafka, properties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "fresh-runners-" + UUID.randomUUID());
        List<List<Long>> polls = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic.name()));
            await().atMost(TIMEOUT).until(() -> {
                List<Long> offsets = new ArrayList<>();
                consumer.poll(Duration.ofMillis(200)).forEach(record -> offsets.add(record.offset()));
                if (!offsets.isEmpty()) {
                    polls.add(offsets);
                }
                return polls.stream().mapToInt(List::size).sum() >= 2;
            });
        }
        assertThat(polls)
                .as("offsets of each poll, of the requests published before the group joined")
                .containsExactly(List.of(first), List.of(first + 1));
    }

    @Test
    void the_consumer_fetches_one_record_batch_per_partition_so_it_takes_its_partitions_in_turn() {
        // RequestQueuesIntegrationTests shows what these settings do; this shows the worker's consumer really gets
        // them.
        assertThat(RunConfiguration.consumerProperties(kafka, properties))
                .containsEntry(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 1)
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
    }

    private static Topic<String, RunRequested> privateRunRequestsTopic() {
        Topic<String, RunRequested> registry = Topics.RUN_REQUESTS;
        return new Topic<>(
                "runner-test.run-requests." + UUID.randomUUID(),
                1,
                registry.keyType(),
                registry.valueType(),
                registry.eventTypes(),
                registry.keySerde(),
                registry.valueSerde(),
                null);
    }

    private static RunRequested request(String runId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new RunRequested(
                UUID.randomUUID(),
                UUID.fromString(runId),
                now,
                "sum-ints",
                "php",
                1,
                null,
                null,
                now,
                "tester",
                null,
                null);
    }
}
