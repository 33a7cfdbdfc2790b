package dev.benchpulse.results.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.testsupport.RestartablePostgres;
import dev.benchpulse.testsupport.RunEvents;
import dev.benchpulse.testsupport.TopicPublisher;
import dev.benchpulse.testsupport.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * PostgreSQL stopped in the middle of a run and started again: ingest waits for it (health DOWN with the reason,
 * the outage counted) and then stores every sample exactly once; nothing goes to the dead-letter topic.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "benchpulse.kafka.outage.max-delay=1s", "benchpulse.results.ingest.write-timeout=5s",
            "benchpulse.results.ingest.write-retries=1", "spring.r2dbc.pool.max-acquire-time=2s",
            "spring.r2dbc.properties.connectTimeout=PT2S"
        })
@AutoConfigureWebTestClient
class PostgresOutageIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int SAMPLES = 200;
    private static final RestartablePostgres POSTGRES = RestartablePostgres.launch();

    @Autowired
    WebTestClient client;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        POSTGRES.newDatabase("outage").register(registry);
    }

    @AfterAll
    static void dropServer() {
        POSTGRES.close();
    }

    @Test
    void a_run_during_which_the_database_was_down_stores_every_sample_exactly_once_and_dead_letters_nothing()
            throws Exception {
        WebTestClient api = client.mutate().responseTimeout(WAIT).build();
        RunEvents run = RunEvents.of("postgres-outage", "php-8.2", SAMPLES);
        try (TopicRecorder<byte[], byte[]> deadLetters =
                        TopicRecorder.start(Topics.BENCHMARK_EVENTS.deadLetter().orElseThrow());
                TopicPublisher<String, SpecificRecord> events = TopicPublisher.to(Topics.BENCHMARK_EVENTS)) {
            // Given a run a third done, stored
            events.send(run.key(), run.started());
            publishSamples(events, run, 1, 70);
            await().atMost(WAIT)
                    .untilAsserted(() -> api.get()
                            .uri("/api/runs/{id}", run.runId())
                            .exchange()
                            .expectBody()
                            .jsonPath("$.completedIterations")
                            .isEqualTo(70));

            // When the database goes away while the run goes on
            POSTGRES.stop();
            publishSamples(events, run, 71, 140);

            // Then ingest waits for it, and says so
            await().atMost(WAIT)
                    .untilAsserted(() -> api.get()
                            .uri("/actuator/health")
                            .exchange()
                            .expectStatus()
                            .is5xxServerError()
                            .expectBody()
                            .jsonPath("$.components.dependencies.status")
                            .isEqualTo("DOWN")
                            .jsonPath("$.components.dependencies.details.postgresql.reason")
                            .isNotEmpty());
            assertThat(meters.counter("benchpulse.dependency.outages", "dependency", "postgresql")
                            .count())
                    .isEqualTo(1);
            // far longer than the bounded retries of a bad record: still nothing is parked
            await().during(Duration.ofSeconds(15))
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> deadLetters.records().stream()
                            .noneMatch(r -> run.key().equals(new String(r.key(), StandardCharsets.UTF_8))));
            assertThat(meters.get("benchpulse.dependency.outage.seconds")
                            .tag("dependency", "postgresql")
                            .gauge()
                            .value())
                    .isGreaterThanOrEqualTo(15);

            // And once it is back, the run completes with every sample stored exactly once
            POSTGRES.start();
            publishSamples(events, run, 141, SAMPLES);
            events.send(run.key(), run.completed());
            await().atMost(WAIT)
                    .untilAsserted(() -> api.get()
                            .uri("/api/runs/{id}", run.runId())
                            .exchange()
                            .expectBody()
                            .jsonPath("$.status")
                            .isEqualTo("COMPLETED")
                            .jsonPath("$.statistics.n")
                            .isEqualTo(SAMPLES));
            List<Object> iterations = api
                    .get()
                    .uri("/api/runs/{id}/samples", run.runId())
                    .exchange()
                    .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {})
                    .returnResult()
                    .getResponseBody()
                    .stream()
                    .map(s -> s.get("iteration"))
                    .toList();
            assertThat(iterations)
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, SAMPLES)
                            .boxed()
                            .map(Object.class::cast)
                            .toList());
            await().atMost(WAIT)
                    .untilAsserted(() -> api.get()
                            .uri("/actuator/health")
                            .exchange()
                            .expectStatus()
                            .isOk());
            assertThat(meters.timer("benchpulse.dependency.outage.duration", "dependency", "postgresql")
                            .count())
                    .isEqualTo(1);
            assertThat(deadLetters.records())
                    .noneMatch(r -> run.key().equals(new String(r.key(), StandardCharsets.UTF_8)));
        } finally {
            POSTGRES.start();
        }
    }

    private static void publishSamples(TopicPublisher<String, SpecificRecord> events, RunEvents run, int from, int to) {
        for (int i = from; i <= to; i++) {
            events.send(run.key(), run.progress(i * 10.0));
        }
    }
}
