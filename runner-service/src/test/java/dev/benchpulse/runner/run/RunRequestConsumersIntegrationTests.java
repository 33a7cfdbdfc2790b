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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.AcknowledgingConsumerAwareMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * The run-request consumers exactly as the runner's listener factory builds them, in a consumer group that has
 * never committed an offset: what every runner of a fresh deployment is. Requests published before the group
 * first joins must still reach the worker (issue 15: no run stays queued forever). The shared test context's own
 * group committed its offsets long ago and cannot show this, so the test gives the factory's consumers a group and
 * a topic of their own (the topic only keeps this test's requests away from the context's runners).
 */
@RunnerIntegrationTest
class RunRequestConsumersIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    @Qualifier("runRequestsListenerFactory")
    ConcurrentKafkaListenerContainerFactory<String, RunRequested> factory;

    @Test
    void a_new_group_receives_the_requests_published_before_it_first_joined_one_record_per_poll() {
        Topic<String, RunRequested> topic = privateRunRequestsTopic();
        String runId = UUID.randomUUID().toString();
        long first;
        try (TopicPublisher<String, RunRequested> requests = TopicPublisher.to(topic)) {
            first = requests.send(runId, request(runId)).offset();
            requests.send(runId, request(runId));
        }
        Map<Long, Long> positionAfterOffset = new ConcurrentHashMap<>();
        ConcurrentMessageListenerContainer<String, RunRequested> consumers = factory.createContainer(topic.name());
        consumers.setBeanName("fresh-runners");
        consumers.getContainerProperties().setGroupId("fresh-runners-" + UUID.randomUUID());
        consumers.getContainerProperties().setClientId("fresh-runner");
        consumers.setupMessageListener((AcknowledgingConsumerAwareMessageListener<String, RunRequested>)
                (record, acknowledgment, consumer) -> {
                    positionAfterOffset.put(record.offset(),
                            consumer.position(new TopicPartition(record.topic(), record.partition())));
                    acknowledgment.acknowledge();
                });

        consumers.start();
        try {
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(positionAfterOffset)
                    .as("offset -> position at delivery, of the requests published before the group joined")
                    .containsEntry(first, first + 1)
                    .containsEntry(first + 1, first + 2));
        } finally {
            consumers.stop();
        }
    }

    private static Topic<String, RunRequested> privateRunRequestsTopic() {
        Topic<String, RunRequested> registry = Topics.RUN_REQUESTS;
        return new Topic<>("runner-test.run-requests." + UUID.randomUUID(), 1, registry.keyType(),
                registry.valueType(), registry.eventTypes(), registry.keySerde(), registry.valueSerde(), null);
    }

    private static RunRequested request(String runId) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return new RunRequested(UUID.randomUUID(), UUID.fromString(runId), now, "sum-ints", "php", 1, null, null, now,
                "tester");
    }
}
