package dev.benchpulse.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.testsupport.EmbeddedBroker;
import dev.benchpulse.testsupport.RunEvents;
import dev.benchpulse.testsupport.SseRecorder;
import dev.benchpulse.testsupport.TopicPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

class HubOutageIntegrationTests extends NotifierIntegrationTest {

    @Autowired
    WebTestClient client;

    @Autowired
    KafkaListenerEndpointRegistry containers;

    @Autowired
    MeterRegistry meters;

    @AfterEach
    void hubBack() {
        HUB.start();
    }

    @Test
    void delivers_the_end_of_a_run_after_the_hub_was_stopped_and_restarted_mid_run() throws Exception {
        // Given a run half done, watched by a browser
        int samples = 100;
        RunEvents run = RunEvents.of("outage", "php-8.2", samples);
        TopicPartition partition = new TopicPartition(Topics.BENCHMARK_EVENTS.name(), partitionOf(run));
        String lastSeen;
        try (SseRecorder browser = subscribe(topicOf(run))) {
            publish(run, run.started());
            for (int i = 1; i <= 3; i++) {
                publish(run, run.progress(100));
            }
            lastSeen = browser.awaitEvents(e -> e.data().contains("\"currentIteration\":3"), 1, TIMEOUT)
                    .getLast()
                    .id();
        }

        // When the hub goes away and the rest of the run happens, then a record nobody can decode,
        // then many short runs on the same partition
        HUB.stop();
        for (int i = 4; i < samples; i++) {
            publish(run, run.progress(100));
        }
        RecordMetadata hundredPercent = publish(run, run.progress(100));
        RecordMetadata completed = publish(run, run.completed());
        publishPoison(run);
        publishBurst(runsOnPartition(partition.partition(), 120));

        // Then the notifier keeps answering, reports the hub down, commits nothing it has not delivered,
        // and pauses the partition
        await().atMost(TIMEOUT)
                .untilAsserted(() -> client.get()
                        .uri("/actuator/health")
                        .exchange()
                        .expectStatus()
                        .isEqualTo(503)
                        .expectBody()
                        .jsonPath("$.components.dependencies.details['mercure-hub'].reason")
                        .isNotEmpty());
        assertThat(meters.counter("benchpulse.dependency.outages", "dependency", "mercure-hub")
                        .count())
                .isGreaterThanOrEqualTo(1);
        await().atMost(TIMEOUT).until(() -> benchmarkEventsContainer().isPartitionPaused(partition));
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> committed(partition) <= hundredPercent.offset());

        // And once the hub is back, a browser reconnecting from the last update it saw gets the end of the run
        HUB.start();
        try (SseRecorder browser = subscribe(topicOf(run), lastSeen)) {
            browser.awaitEvents(e -> e.data().contains("benchmark.completed"), 1, TIMEOUT);
            List<JsonNode> updates = updatesOf(browser, run);
            assertThat(types(updates).getLast()).isEqualTo("benchmark.completed");
            assertThat(updates.get(updates.size() - 2).get("currentIteration").asInt())
                    .isEqualTo(samples);
            assertThat(updates.get(updates.size() - 2).get("progress").asInt()).isEqualTo(100);
        }
        // And the partition flows again, everything delivered and committed, the hub up again
        await().atMost(TIMEOUT).until(() -> !benchmarkEventsContainer().isPartitionPaused(partition));
        await().atMost(TIMEOUT)
                .untilAsserted(() -> client.get()
                        .uri("/actuator/health")
                        .exchange()
                        .expectStatus()
                        .isOk());
        assertThat(meters.timer("benchpulse.dependency.outage.duration", "dependency", "mercure-hub")
                        .count())
                .isGreaterThanOrEqualTo(1);
        long end = endOffset(partition);
        assertThat(end).isGreaterThan(completed.offset() + 120);
        await().atMost(TIMEOUT).until(() -> committed(partition) == end);
    }

    /** Short runs (started, completed) whose records land on the given partition. */
    private static List<Map.Entry<RunEvents, SpecificRecord>> runsOnPartition(int partition, int count) {
        List<Map.Entry<RunEvents, SpecificRecord>> events = new ArrayList<>();
        while (events.size() < 2 * count) {
            RunEvents run = RunEvents.of("short", "php-8.2", 1);
            if (partitionOf(run) == partition) {
                events.add(Map.entry(run, run.started()));
                events.add(Map.entry(run, run.completed()));
            }
        }
        return events;
    }

    /** A record on the run's partition that no consumer can decode: it goes to the dead-letter topic. */
    private static void publishPoison(RunEvents run) {
        try (TopicPublisher<byte[], byte[]> raw = TopicPublisher.raw(Topics.BENCHMARK_EVENTS)) {
            raw.send(run.key().getBytes(StandardCharsets.UTF_8), new byte[] {0x01, 0x02, 0x03});
        }
    }

    private static long committed(TopicPartition partition) throws Exception {
        try (Admin admin = admin()) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets("benchpulse-notifier")
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(partition);
            return offset == null ? -1 : offset.offset();
        }
    }

    private static long endOffset(TopicPartition partition) throws Exception {
        try (Admin admin = admin()) {
            ListOffsetsResult offsets = admin.listOffsets(Map.of(partition, OffsetSpec.latest()));
            return offsets.partitionResult(partition).get().offset();
        }
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()));
    }

    /** The container of the notifier's lifecycle listener (its id, BenchmarkEventsListener.ID). */
    private MessageListenerContainer benchmarkEventsContainer() {
        return containers.getListenerContainer("notifier-benchmark-events");
    }
}
