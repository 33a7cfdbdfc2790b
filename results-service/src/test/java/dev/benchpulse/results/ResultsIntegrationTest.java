package dev.benchpulse.results;

import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.results.ingest.EventBatchWriter;
import dev.benchpulse.testsupport.RunEvents;
import dev.benchpulse.testsupport.TestPostgres;
import dev.benchpulse.testsupport.TopicPublisher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of the module's integration tests (same configuration in every subclass, so it is built
 * once): the service against the JVM-wide embedded Kafka broker and a database of its own on the embedded
 * PostgreSQL server.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "benchpulse.kafka.retry.attempts=1",
            "benchpulse.kafka.retry.initial-delay=50ms",
            "benchpulse.results.analysis.bootstrap-resamples=2000",
            "benchpulse.results.ingest.completion-timeout=5s",
            "benchpulse.results.ingest.completion-check-interval=500ms",
            "benchpulse.results.dead-letters.check-interval=1s"
        })
@AutoConfigureWebTestClient
public abstract class ResultsIntegrationTest {

    protected static final Duration WAIT = Duration.ofSeconds(60);
    protected static TestPostgres.Database database;
    private static TopicPublisher<String, SpecificRecord> events;
    private static TopicPublisher<String, RunRequested> requests;

    @Autowired
    protected WebTestClient client;

    @Autowired
    protected EventBatchWriter writer;

    /** Patient, and a script as far as the cross-site rule goes (it sends the client header). */
    @BeforeEach
    void patientClient() {
        client = client.mutate()
                .responseTimeout(WAIT)
                .defaultHeader(ApiHeaders.CLIENT, "test")
                .build();
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        database = TestPostgres.newDatabase();
        database.register(registry);
    }

    protected static synchronized TopicPublisher<String, SpecificRecord> events() {
        if (events == null) {
            events = TopicPublisher.to(Topics.BENCHMARK_EVENTS);
        }
        return events;
    }

    protected static synchronized TopicPublisher<String, RunRequested> requests() {
        if (requests == null) {
            requests = TopicPublisher.to(Topics.RUN_REQUESTS);
        }
        return requests;
    }

    /** Publishes events of one run to the lifecycle topic, in order. */
    protected static void publish(RunEvents run, SpecificRecord... records) {
        for (SpecificRecord record : records) {
            events().send(run.key(), record);
        }
    }

    /** Stores a completed run with these times through the ingest path, without Kafka; returns its id. */
    protected UUID storeCompleted(String benchmark, String runtime, double... times) {
        RunEvents run = RunEvents.of(benchmark, runtime, times.length);
        List<SpecificRecord> records = new ArrayList<>();
        records.add(run.started());
        for (double t : times) {
            records.add(run.progress(t));
        }
        records.add(run.completed());
        writer.write(records).block(WAIT);
        return run.runId();
    }

    protected void awaitStatus(UUID runId, String status) {
        await().atMost(WAIT)
                .untilAsserted(() -> client.get()
                        .uri("/api/runs/{id}", runId)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.status")
                        .isEqualTo(status));
    }

    /** The times of a run's stored samples, in order. */
    protected List<Object> sampleTimes(UUID runId) {
        return client
                .get()
                .uri("/api/runs/{id}/samples", runId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                .returnResult()
                .getResponseBody()
                .stream()
                .map(s -> s.get("timePerOperationNanos"))
                .toList();
    }

    protected WebTestClient.BodyContentSpec getRun(UUID runId) {
        return client.get()
                .uri("/api/runs/{id}", runId)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }
}
