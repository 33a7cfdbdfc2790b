package dev.benchpulse.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Events;
import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.testsupport.RunEvents;
import dev.benchpulse.testsupport.TopicPublisher;
import dev.benchpulse.testsupport.TopicRecorder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

@SpringBootTest(properties = {"spring.application.name=support-test", "benchpulse.kafka.retry.attempts=1",
        "spring.kafka.consumer.auto-offset-reset=earliest"})
class DeadLetterIntegrationTests {

    private static final Topic<byte[], byte[]> DLT = Topics.BENCHMARK_EVENTS.deadLetter().orElseThrow();

    @Autowired
    EventsListener listener;

    @Test
    void a_record_that_cannot_be_decoded_goes_to_the_dead_letter_topic_unchanged_and_the_consumer_continues()
            throws Exception {
        RunEvents run = RunEvents.of("dlt-test", "php", 1);
        byte[] poison = "not avro".getBytes(StandardCharsets.UTF_8);
        try (TopicRecorder<byte[], byte[]> deadLetters = TopicRecorder.start(DLT);
                TopicPublisher<byte[], byte[]> raw = TopicPublisher.raw(Topics.BENCHMARK_EVENTS);
                TopicPublisher<String, SpecificRecord> events = TopicPublisher.to(Topics.BENCHMARK_EVENTS)) {
            raw.send(run.key().getBytes(StandardCharsets.UTF_8), poison);
            events.send(run.key(), run.started());

            List<ConsumerRecord<byte[], byte[]>> parked = deadLetters.awaitRecords(
                    r -> run.key().equals(new String(r.key(), StandardCharsets.UTF_8)), 1, Duration.ofSeconds(30));
            assertThat(parked.getFirst().value()).isEqualTo(poison);
            assertThat(parked.getFirst().headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
            await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.contains(run.runId()));
        }
    }

    @Test
    void a_record_whose_processing_keeps_failing_is_parked_after_the_retries() throws Exception {
        RunEvents run = RunEvents.of("dlt-test", "php", 1);
        listener.failFor.add(run.runId());
        try (TopicRecorder<byte[], byte[]> deadLetters = TopicRecorder.start(DLT);
                TopicPublisher<String, SpecificRecord> events = TopicPublisher.to(Topics.BENCHMARK_EVENTS)) {
            events.send(run.key(), run.started());

            List<ConsumerRecord<byte[], byte[]>> parked = deadLetters.awaitRecords(
                    r -> run.key().equals(new String(r.key(), StandardCharsets.UTF_8)), 1, Duration.ofSeconds(30));
            SpecificRecord decoded = Topics.BENCHMARK_EVENTS.valueDeserializer()
                    .deserialize(DLT.name(), parked.getFirst().value());
            assertThat(Events.runId(decoded)).isEqualTo(run.runId());
            assertThat(listener.attempts(run.runId())).isEqualTo(2);
        }
    }

    @SpringBootApplication
    static class App {

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> eventsFactory(TopicClients clients) {
            return clients.listenerFactory(Topics.BENCHMARK_EVENTS, f -> { });
        }

        @Bean
        EventsListener eventsListener() {
            return new EventsListener();
        }
    }

    static class EventsListener {

        final List<UUID> handled = new CopyOnWriteArrayList<>();
        final List<UUID> failFor = new CopyOnWriteArrayList<>();
        private final List<UUID> seen = new CopyOnWriteArrayList<>();

        @KafkaListener(topics = "#{T(dev.benchpulse.contracts.Topics).BENCHMARK_EVENTS.name()}",
                groupId = "support-test", containerFactory = "eventsFactory")
        void on(SpecificRecord event) {
            UUID run = Events.runId(event);
            seen.add(run);
            if (failFor.contains(run)) {
                throw new IllegalStateException("processing failed for " + run);
            }
            handled.add(run);
        }

        long attempts(UUID run) {
            return seen.stream().filter(run::equals).count();
        }
    }
}
