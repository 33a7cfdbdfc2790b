package dev.benchpulse.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.benchpulse.contracts.Events;
import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.support.outage.DependencyUnavailableException;
import dev.benchpulse.testsupport.RunEvents;
import dev.benchpulse.testsupport.TopicPublisher;
import dev.benchpulse.testsupport.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;

@SpringBootTest(
        properties = {
            "spring.application.name=support-test",
            "benchpulse.kafka.retry.attempts=1",
            "benchpulse.kafka.outage.initial-delay=50ms",
            "benchpulse.kafka.outage.max-delay=200ms",
            "spring.kafka.consumer.auto-offset-reset=earliest"
        })
class DeadLetterIntegrationTests {

    private static final Topic<byte[], byte[]> DLT =
            Topics.BENCHMARK_EVENTS.deadLetter().orElseThrow();

    @Autowired
    EventsListener listener;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier("dependenciesHealthIndicator")
    HealthIndicator dependencies;

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
            assertThat(parked.getFirst().headers().lastHeader("kafka_dlt-exception-message"))
                    .isNotNull();
            await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.contains(run.runId()));
        }
    }

    @Test
    void a_record_that_breaks_the_contract_is_parked_after_the_bounded_retries_logged_at_error_and_counted()
            throws Exception {
        RunEvents run = RunEvents.of("dlt-test", "php", 1);
        listener.invalid.add(run.runId());
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger deadLetterLog = (Logger) LoggerFactory.getLogger(DeadLetterLog.class);
        deadLetterLog.addAppender(logged);
        try (TopicRecorder<byte[], byte[]> deadLetters = TopicRecorder.start(DLT);
                TopicPublisher<String, SpecificRecord> events = TopicPublisher.to(Topics.BENCHMARK_EVENTS)) {
            events.send(run.key(), run.started());

            List<ConsumerRecord<byte[], byte[]>> parked = deadLetters.awaitRecords(
                    r -> run.key().equals(new String(r.key(), StandardCharsets.UTF_8)), 1, Duration.ofSeconds(30));
            SpecificRecord decoded = Topics.BENCHMARK_EVENTS
                    .valueDeserializer()
                    .deserialize(DLT.name(), parked.getFirst().value());
            assertThat(Events.runId(decoded)).isEqualTo(run.runId());
            assertThat(listener.attempts(run.runId())).isEqualTo(2);
            assertThat(meters.counter("benchpulse.kafka.dead-lettered", "topic", Topics.BENCHMARK_EVENTS.name())
                            .count())
                    .isGreaterThanOrEqualTo(1);
            ConsumerRecord<byte[], byte[]> original = parked.getFirst();
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(logged.list)
                            .filteredOn(e -> e.getLevel() == Level.ERROR)
                            .map(ILoggingEvent::getFormattedMessage)
                            .anySatisfy(line -> assertThat(line)
                                    .contains(
                                            Topics.BENCHMARK_EVENTS.name() + "-" + original.partition(),
                                            "(run " + run.runId() + ")",
                                            DLT.name(),
                                            "InvalidRecordException: run " + run.runId() + " breaks the contract")
                                    .containsPattern("at offset \\d+ of")));
        } finally {
            deadLetterLog.detachAppender(logged);
        }
    }

    @Test
    void a_record_that_fails_while_a_dependency_is_down_waits_for_it_without_limit_and_is_never_parked()
            throws Exception {
        RunEvents run = RunEvents.of("outage-test", "php", 1);
        listener.databaseDown = true;
        try (TopicRecorder<byte[], byte[]> deadLetters = TopicRecorder.start(DLT);
                TopicPublisher<String, SpecificRecord> events = TopicPublisher.to(Topics.BENCHMARK_EVENTS)) {
            events.send(run.key(), run.started());

            // far more attempts than the bounded retries of a bad record
            await().atMost(Duration.ofSeconds(30)).until(() -> listener.attempts(run.runId()) >= 6);
            Health down = dependencies.health(true);
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails()).containsKey("testdb");
            assertThat(String.valueOf(down.getDetails().get("testdb"))).contains("Connection refused");
            assertThat(meters.counter("benchpulse.dependency.outages", "dependency", "testdb")
                            .count())
                    .isEqualTo(1);
            assertThat(meters.get("benchpulse.dependency.outage.seconds")
                            .tag("dependency", "testdb")
                            .gauge()
                            .value())
                    .isPositive();

            listener.databaseDown = false;
            await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.contains(run.runId()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(dependencies.health(true).getStatus()).isEqualTo(Status.UP);
                assertThat(meters.timer("benchpulse.dependency.outage.duration", "dependency", "testdb")
                                .count())
                        .isEqualTo(1);
            });
            assertNothingParked(deadLetters, run);
        } finally {
            listener.databaseDown = false;
        }
    }

    @Test
    void a_failure_nobody_classified_is_retried_rather_than_parked() throws Exception {
        RunEvents run = RunEvents.of("unforeseen-test", "php", 1);
        listener.unforeseen.add(run.runId());
        try (TopicRecorder<byte[], byte[]> deadLetters = TopicRecorder.start(DLT);
                TopicPublisher<String, SpecificRecord> events = TopicPublisher.to(Topics.BENCHMARK_EVENTS)) {
            events.send(run.key(), run.started());

            await().atMost(Duration.ofSeconds(30)).until(() -> listener.attempts(run.runId()) >= 5);
            listener.unforeseen.clear();
            await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.contains(run.runId()));
            assertNothingParked(deadLetters, run);
        }
    }

    private static void assertNothingParked(TopicRecorder<byte[], byte[]> deadLetters, RunEvents run) {
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(10))
                .until(() -> deadLetters.records().stream()
                        .noneMatch(r -> run.key().equals(new String(r.key(), StandardCharsets.UTF_8))));
    }

    @SpringBootApplication
    static class App {

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> eventsFactory(TopicClients clients) {
            return clients.listenerFactory(Topics.BENCHMARK_EVENTS, f -> {});
        }

        @Bean
        EventsListener eventsListener() {
            return new EventsListener();
        }
    }

    static class EventsListener {

        final List<UUID> handled = new CopyOnWriteArrayList<>();
        final List<UUID> invalid = new CopyOnWriteArrayList<>();
        final List<UUID> unforeseen = new CopyOnWriteArrayList<>();
        volatile boolean databaseDown;
        private final List<UUID> seen = new CopyOnWriteArrayList<>();

        @KafkaListener(
                topics = "#{T(dev.benchpulse.contracts.Topics).BENCHMARK_EVENTS.name()}",
                groupId = "support-test",
                containerFactory = "eventsFactory")
        void on(SpecificRecord event) {
            UUID run = Events.runId(event);
            seen.add(run);
            if (invalid.contains(run)) {
                throw new InvalidRecordException("run " + run + " breaks the contract");
            }
            if (unforeseen.contains(run)) {
                throw new IllegalStateException("processing failed for " + run);
            }
            if (databaseDown) {
                throw new DependencyUnavailableException("testdb", new ConnectException("Connection refused"));
            }
            handled.add(run);
        }

        long attempts(UUID run) {
            return seen.stream().filter(run::equals).count();
        }
    }
}
