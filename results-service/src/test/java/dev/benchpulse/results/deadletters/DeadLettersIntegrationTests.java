package dev.benchpulse.results.deadletters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.results.ResultsIntegrationTest;
import dev.benchpulse.testsupport.RunEvents;
import dev.benchpulse.testsupport.TopicPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;

/** What waits on the dead-letter topics, and its replay: records that failed are stored, stored ones change nothing. */
class DeadLettersIntegrationTests extends ResultsIntegrationTest {

    private static final Topic<byte[], byte[]> EVENTS_DLT =
            Topics.BENCHMARK_EVENTS.deadLetter().orElseThrow();

    @Autowired
    MeterRegistry meters;

    @Test
    void a_parked_sample_is_listed_with_its_run_and_once_replayed_completes_the_run() {
        // Given a run whose second sample was parked on the dead-letter topic
        RunEvents run = RunEvents.of("dlt-replay", "php-8.2", 3);
        BenchmarkProgress first = run.progress(10);
        BenchmarkProgress second = run.progress(20);
        BenchmarkProgress third = run.progress(30);
        publish(run, run.started(), first, third, run.completed());
        park(run, second);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        getRun(run.runId()).jsonPath("$.missingIterations").isEqualTo(List.of(2)));

        // Then it is listed, with its run, and counted in health
        await().atMost(WAIT).untilAsserted(() -> assertThat(waitingRunIds()).contains(run.key()));
        await().atMost(WAIT)
                .untilAsserted(() -> client.get()
                        .uri("/actuator/health")
                        .exchange()
                        .expectBody()
                        .jsonPath("$.components.deadLetters.details.topics['" + EVENTS_DLT.name() + "']")
                        .value(depth -> assertThat(((Number) depth).longValue()).isPositive())
                        .jsonPath("$.components.deadLetters.details.warning")
                        .isNotEmpty());
        assertThat(meters.get("benchpulse.kafka.dead-letter.depth")
                        .tag("topic", EVENTS_DLT.name())
                        .gauge()
                        .value())
                .isPositive();

        // When it is replayed
        client.post()
                .uri("/api/operations/dead-letters/{topic}/replay", EVENTS_DLT.name())
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.source")
                .isEqualTo(Topics.BENCHMARK_EVENTS.name())
                .jsonPath("$.replayed")
                .value(n -> assertThat(((Number) n).intValue()).isPositive());

        // Then the run completes with all three samples, and the record no longer waits
        awaitStatus(run.runId(), "COMPLETED");
        assertThat(sampleTimes(run.runId())).containsExactly(10.0, 20.0, 30.0);
        assertThat(waitingRunIds()).doesNotContain(run.key());
    }

    @Test
    void replaying_records_that_were_stored_after_all_changes_nothing() {
        RunEvents run = RunEvents.of("dlt-replay-stored", "php-8.2", 2);
        BenchmarkProgress first = run.progress(10);
        BenchmarkProgress second = run.progress(20);
        var completed = run.completed();
        publish(run, run.started(), first, second, completed);
        awaitStatus(run.runId(), "COMPLETED");
        String before = new String(getRun(run.runId()).returnResult().getResponseBodyContent());
        park(run, second);
        park(run, completed);

        client.post()
                .uri("/api/operations/dead-letters/{topic}/replay", Topics.BENCHMARK_EVENTS.name())
                .exchange()
                .expectStatus()
                .isOk();

        await().atMost(WAIT).untilAsserted(() -> assertThat(waitingRunIds()).doesNotContain(run.key()));
        await().during(Duration.ofSeconds(2))
                .atMost(WAIT)
                .untilAsserted(() -> assertThat(
                                new String(getRun(run.runId()).returnResult().getResponseBodyContent()))
                        .isEqualTo(before));
        assertThat(sampleTimes(run.runId())).containsExactly(10.0, 20.0);
    }

    @Test
    void an_unknown_topic_is_a_404_problem_naming_the_known_ones() {
        client.post()
                .uri("/api/operations/dead-letters/{topic}/replay", "nope.dlt")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).contains(EVENTS_DLT.name()));
    }

    /** Puts an event on the dead-letter topic as the error handler would, with its original partition. */
    private static void park(RunEvents run, SpecificRecord event) {
        byte[] value = Topics.BENCHMARK_EVENTS.valueSerializer().serialize(Topics.BENCHMARK_EVENTS.name(), event);
        try (TopicPublisher<byte[], byte[]> deadLetters = TopicPublisher.to(EVENTS_DLT)) {
            deadLetters.send(run.key().getBytes(StandardCharsets.UTF_8), value);
        }
    }

    private List<Object> waitingRunIds() {
        Map<String, Object> report = client.get()
                .uri("/api/operations/dead-letters?limit=200")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {})
                .returnResult()
                .getResponseBody();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> topics = (List<Map<String, Object>>) report.get("topics");
        return topics.stream()
                .filter(t -> EVENTS_DLT.name().equals(t.get("topic")))
                .flatMap(t -> ((List<Map<String, Object>>) t.get("records")).stream())
                .map(r -> r.get("runId"))
                .toList();
    }
}
