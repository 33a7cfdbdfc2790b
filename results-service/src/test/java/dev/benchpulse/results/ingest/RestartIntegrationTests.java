package dev.benchpulse.results.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.results.ResultsIntegrationTest;
import dev.benchpulse.testsupport.EmbeddedBroker;
import dev.benchpulse.testsupport.RunEvents;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/** Stopping, restarting and rewinding the consumer loses and duplicates nothing. */
class RestartIntegrationTests extends ResultsIntegrationTest {

    static final String GROUP = "benchpulse-results";

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    final Admin admin =
            Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()));

    @AfterEach
    void restartAll() {
        listeners.getListenerContainers().forEach(MessageListenerContainer::start);
        admin.close();
    }

    @Test
    void a_consumer_stopped_mid_run_and_started_again_stores_every_sample_exactly_once() {
        RunEvents run = RunEvents.of("restart", "php-8.2", 30);
        publish(run, run.started());
        publishSamples(run, 1, 10);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        getRun(run.runId()).jsonPath("$.completedIterations").isEqualTo(10));

        MessageListenerContainer container = listeners.getListenerContainer(BenchmarkEventsListener.ID);
        container.stop();
        publishSamples(run, 11, 20);
        container.start();
        publishSamples(run, 21, 30);
        publish(run, run.completed());

        awaitStatus(run.runId(), "COMPLETED");
        assertThat(sampleTimes(run.runId())).containsExactlyElementsOf(expectedTimes(30));
        getRun(run.runId()).jsonPath("$.statistics.n").isEqualTo(30);
    }

    @Test
    void events_redelivered_from_the_beginning_of_the_topic_change_nothing() throws Exception {
        RunEvents run = RunEvents.of("redelivery", "php-8.2", 5);
        publish(run, run.started());
        publishSamples(run, 1, 5);
        publish(run, run.completed());
        awaitStatus(run.runId(), "COMPLETED");
        String before = new String(getRun(run.runId()).returnResult().getResponseBodyContent());

        listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
        admin.alterConsumerGroupOffsets(
                        GROUP, partitions().stream().collect(Collectors.toMap(p -> p, p -> new OffsetAndMetadata(0))))
                .all()
                .get();
        listeners.getListenerContainers().forEach(MessageListenerContainer::start);

        await().atMost(WAIT).until(() -> lag() == 0);
        assertThat(sampleTimes(run.runId())).containsExactlyElementsOf(expectedTimes(5));
        assertThat(new String(getRun(run.runId()).returnResult().getResponseBodyContent()))
                .isEqualTo(before);
    }

    @Test
    void offsets_are_committed_only_after_the_samples_are_written() throws Exception {
        RunEvents run = RunEvents.of("commit-after-write", "php-8.2", 2);
        publish(run, run.started());
        RecordMetadata first = events().send(run.key(), run.progress(1));
        TopicPartition partition = new TopicPartition(first.topic(), first.partition());
        await().atMost(WAIT).until(() -> committed(partition) == first.offset() + 1);

        RecordMetadata second;
        try (Connection blocker =
                DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE samples IN EXCLUSIVE MODE");
            second = events().send(run.key(), run.progress(2));

            await().during(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> committed(partition) == first.offset() + 1);
            getRun(run.runId()).jsonPath("$.completedIterations").isEqualTo(1);
            blocker.rollback();
        }
        await().atMost(WAIT).until(() -> committed(partition) == second.offset() + 1);
        getRun(run.runId()).jsonPath("$.completedIterations").isEqualTo(2);
    }

    private static void publishSamples(RunEvents run, int from, int to) {
        for (int i = from; i <= to; i++) {
            publish(run, run.progress(i * 10.0));
        }
    }

    private static List<Object> expectedTimes(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> (Object) (i * 10.0)).toList();
    }

    private List<TopicPartition> partitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < Topics.BENCHMARK_EVENTS.partitions(); p++) {
            partitions.add(new TopicPartition(Topics.BENCHMARK_EVENTS.name(), p));
        }
        return partitions;
    }

    private long committed(TopicPartition partition) throws Exception {
        OffsetAndMetadata offset = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata()
                .get()
                .get(partition);
        return offset == null ? -1 : offset.offset();
    }

    private long lag() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata()
                .get();
        var ends = admin.listOffsets(partitions().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all()
                .get();
        return partitions().stream()
                .mapToLong(p -> ends.get(p).offset()
                        - (committed.get(p) == null ? 0 : committed.get(p).offset()))
                .sum();
    }
}
