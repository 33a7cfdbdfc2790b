package dev.benchpulse.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.testsupport.EmbeddedBroker;
import dev.benchpulse.testsupport.RunEvents;
import dev.benchpulse.testsupport.SseRecorder;
import dev.benchpulse.testsupport.TopicPublisher;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every notifier integration test runs against: the JVM's embedded Kafka broker, one real Mercure hub (ours,
 * started in-process on a random port with random keys) and one notifier context shared by every test class.
 * Retries and parking are shortened so outages resolve quickly; every trace is sampled and its spans recorded.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.kafka.consumer.auto-offset-reset=earliest",
            "benchpulse.notifier.publish.min-backoff=20ms",
            "benchpulse.notifier.publish.max-backoff=100ms",
            "benchpulse.notifier.publish.park-delay=300ms",
            "benchpulse.notifier.consumer.max-uncommitted-per-partition=100",
            // the JVM-wide broker stops before Spring's shutdown hook: do not wait 30 s for the consumer to leave
            "spring.lifecycle.timeout-per-shutdown-phase=2s",
            // every trace, finished spans handed to RecordedSpans at once
            "management.tracing.sampling.probability=1.0",
            "management.opentelemetry.tracing.export.schedule-delay=100ms"
        })
@Import(RecordedSpans.Configuration.class)
@AutoConfigureWebTestClient
abstract class NotifierIntegrationTest {

    /** The URI template matching every run's topic, as the dashboard subscribes. */
    static final String EVERY_RUN = RunTopics.TEMPLATE;

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final MercureHubTestServer HUB = MercureHubTestServer.builder().start();
    static final JsonMapper JSON = JsonMapper.builder().build();

    static TopicPublisher<String, SpecificRecord> events;
    static KafkaProducer<String, SpecificRecord> burst;

    @DynamicPropertySource
    static void hub(DynamicPropertyRegistry registry) {
        registry.add("benchpulse.notifier.hub.url", HUB::hubUrl);
        registry.add("benchpulse.notifier.hub.jwt.key", HUB::publisherKey);
    }

    @BeforeAll
    static void openPublishers() {
        events = TopicPublisher.to(Topics.BENCHMARK_EVENTS);
        Map<String, Object> props = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedBroker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG,
                0));
        Serializer<SpecificRecord> values = Topics.BENCHMARK_EVENTS.valueSerializer();
        values.configure(props, false);
        burst = new KafkaProducer<>(props, Topics.BENCHMARK_EVENTS.keySerializer(), values);
    }

    @AfterAll
    static void closePublishers() {
        events.close();
        burst.close();
    }

    /** Writes one event and waits for the broker to acknowledge it. */
    static RecordMetadata publish(RunEvents run, SpecificRecord event) {
        return events.send(run.key(), event);
    }

    /** Writes events as fast as the producer takes them, in order per run; returns once all are acknowledged. */
    static void publishBurst(List<Map.Entry<RunEvents, SpecificRecord>> events) {
        events.forEach(e -> burst.send(
                new ProducerRecord<>(Topics.BENCHMARK_EVENTS.name(), e.getKey().key(), e.getValue())));
        burst.flush();
    }

    /** Writes events one every {@code interval}, without waiting for acknowledgments; returns once all are. */
    static void publishPaced(List<Map.Entry<RunEvents, SpecificRecord>> events, Duration interval) {
        // the producer may wait for metadata: not on the parallel scheduler's non-blocking threads
        Flux.fromIterable(events)
                .delayElements(interval, Schedulers.boundedElastic())
                .doOnNext(e -> burst.send(new ProducerRecord<>(
                        Topics.BENCHMARK_EVENTS.name(), e.getKey().key(), e.getValue())))
                .blockLast();
        burst.flush();
    }

    /** The partition of the events topic a run's records go to (Kafka's default partitioner). */
    static int partitionOf(RunEvents run) {
        byte[] key = run.key().getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % Topics.BENCHMARK_EVENTS.partitions();
    }

    /** A subscriber with a JWT for every run's private updates, connected before this returns. */
    static SseRecorder subscribe(String topic) {
        return subscribe(topic, null);
    }

    static SseRecorder subscribe(String topic, String lastEventId) {
        URI uri = URI.create(HUB.hubUrl() + "?topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8));
        SseRecorder recorder = SseRecorder.subscribe(uri, headers -> {
            headers.setBearerAuth(HUB.subscriberToken(EVERY_RUN));
            if (lastEventId != null) {
                headers.set("Last-Event-ID", lastEventId);
            }
        });
        assertThat(recorder.awaitStatus(TIMEOUT).value()).isEqualTo(HttpStatus.OK.value());
        return recorder;
    }

    static String topicOf(RunEvents run) {
        return RunTopics.of(run.runId());
    }

    /** The data of every update a subscriber received about one run, in arrival order. */
    static List<JsonNode> updatesOf(SseRecorder recorder, RunEvents run) {
        return recorder.data().stream()
                .map(JSON::readTree)
                .filter(data -> data.get("runId").asString().equals(run.runId().toString()))
                .toList();
    }

    static List<String> types(List<JsonNode> updates) {
        return updates.stream().map(data -> data.get("type").asString()).toList();
    }
}
