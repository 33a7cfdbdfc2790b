package dev.benchpulse.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.testsupport.RunEvents;
import dev.benchpulse.testsupport.SseRecorder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;

class RunUpdatesIntegrationTests extends NotifierIntegrationTest {

    private static final int MAX_PER_SECOND = 10;

    @Autowired
    WebTestClient client;

    @Test
    void relays_each_run_in_order_as_private_updates_identified_by_the_event_id() {
        // Given a dashboard watching every run, and a page watching only the first run
        List<RunEvents> runs = IntStream.range(0, 3)
                .mapToObj(i -> RunEvents.of("fib-" + i, "php-8.2", 5))
                .toList();
        try (SseRecorder dashboard = subscribe(EVERY_RUN);
                SseRecorder page = subscribe(topicOf(runs.get(0)))) {
            // When the runs' events interleave on Kafka
            List<BenchmarkStarted> started =
                    runs.stream().map(RunEvents::started).toList();
            for (int i = 0; i < runs.size(); i++) {
                publish(runs.get(i), started.get(i));
            }
            for (int sample = 0; sample < 5; sample++) {
                runs.forEach(run -> publish(run, run.progress(1000)));
            }
            runs.forEach(run -> publish(run, run.completed()));

            // Then every run's updates arrive in the order of its events, the 100% one right before completed
            dashboard.awaitEvents(e -> e.data().contains("benchmark.completed"), runs.size(), TIMEOUT);
            for (int i = 0; i < runs.size(); i++) {
                List<JsonNode> updates = updatesOf(dashboard, runs.get(i));
                assertThat(types(updates).getFirst()).isEqualTo("benchmark.started");
                assertThat(types(updates).subList(1, updates.size() - 1)).containsOnly("benchmark.progress");
                assertThat(types(updates).getLast()).isEqualTo("benchmark.completed");
                List<Integer> iterations = updates.stream()
                        .map(u -> u.get("currentIteration").asInt())
                        .toList();
                assertThat(iterations).isSorted().endsWith(5, 5);
                assertThat(updates.get(updates.size() - 2).get("progress").asInt())
                        .isEqualTo(100);
                String runId = runs.get(i).runId().toString();
                String firstId = dashboard.events().stream()
                        .filter(e -> e.data().contains(runId))
                        .findFirst()
                        .map(ServerSentEvent::id)
                        .orElseThrow();
                assertThat(firstId).isEqualTo(started.get(i).getEventId().toString());
            }
            // And a subscriber of one run's topic gets that run only
            page.awaitEvents(e -> e.data().contains("benchmark.completed"), 1, TIMEOUT);
            assertThat(page.data())
                    .allMatch(data -> data.contains(runs.get(0).runId().toString()));
        }
    }

    @Test
    void holds_every_run_to_the_progress_bound_with_the_100_percent_update_before_completed() {
        // Given four runs whose samples arrive for a few seconds, each far faster than the bound
        int samples = 300;
        List<RunEvents> runs = IntStream.range(0, 4)
                .mapToObj(i -> RunEvents.of("loop-" + i, "php", samples))
                .toList();
        try (SseRecorder dashboard = subscribe(EVERY_RUN)) {
            List<Map.Entry<RunEvents, SpecificRecord>> events = new ArrayList<>();
            runs.forEach(run -> events.add(Map.entry(run, run.started())));
            for (int sample = 1; sample <= samples; sample++) {
                runs.forEach(run -> events.add(Map.entry(run, run.progress(500))));
            }
            runs.forEach(run -> events.add(Map.entry(run, run.completed())));
            publishPaced(events, Duration.ofMillis(2));

            dashboard.awaitEvents(e -> e.data().contains("benchmark.completed"), runs.size(), TIMEOUT);
            for (RunEvents run : runs) {
                List<JsonNode> updates = updatesOf(dashboard, run);
                List<JsonNode> progress = updates.stream()
                        .filter(u -> u.get("type").asString().equals("benchmark.progress"))
                        .toList();
                // Then no second of any run holds more than the bound (by the time each update was sent)
                assertThat(maxInAnySecond(progress)).isLessThanOrEqualTo(MAX_PER_SECOND);
                assertThat(progress.size()).isLessThan(samples).isGreaterThanOrEqualTo(2);
                // And the run ends with its 100% update, carrying every sample's statistics, then completed
                JsonNode last = progress.getLast();
                assertThat(updates.get(updates.size() - 2)).isEqualTo(last);
                assertThat(last.get("progress").asInt()).isEqualTo(100);
                assertThat(last.get("statistics").get("n").asInt()).isEqualTo(samples);
                assertThat(types(updates).getLast()).isEqualTo("benchmark.completed");
            }
        }
    }

    @Test
    void reports_published_coalesced_publish_latency_and_the_progress_limit_through_actuator() {
        RunEvents run = RunEvents.of("metrics", "php", 20);
        try (SseRecorder dashboard = subscribe(topicOf(run))) {
            publish(run, run.started());
            for (int i = 0; i < 20; i++) {
                publish(run, run.progress(1));
            }
            publish(run, run.completed());
            dashboard.awaitEvents(e -> e.data().contains("benchmark.completed"), 1, TIMEOUT);
        }

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(metric("benchpulse.notifier.updates.published?tag=type:benchmark.completed"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(metric("benchpulse.notifier.updates.coalesced")).isGreaterThanOrEqualTo(1);
            assertThat(metric("benchpulse.notifier.publish.latency?tag=outcome:success"))
                    .isGreaterThanOrEqualTo(3);
        });
        client.get()
                .uri("/actuator/metrics/benchpulse.notifier.updates.retried")
                .exchange()
                .expectStatus()
                .isOk();
        client.get()
                .uri("/actuator/metrics/benchpulse.notifier.updates.failed")
                .exchange()
                .expectStatus()
                .isOk();
        // the adaptive limit on progress updates in flight: at least one, at most the connections to the hub
        assertThat(metric("benchpulse.notifier.progress.limit", "VALUE")).isBetween(1.0, 64.0);
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    private double metric(String nameAndTag) {
        return metric(nameAndTag, "COUNT");
    }

    private double metric(String nameAndTag, String statistic) {
        JsonNode body = JSON.readTree(client.get()
                .uri("/actuator/metrics/" + nameAndTag)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody());
        for (JsonNode measurement : body.get("measurements")) {
            if (measurement.get("statistic").asString().equals(statistic)) {
                return measurement.get("value").asDouble();
            }
        }
        throw new AssertionError("No " + statistic + " in " + body);
    }

    private static int maxInAnySecond(List<JsonNode> updates) {
        List<Long> sent = updates.stream()
                .map(u -> Instant.parse(u.get("timestamp").asString()).toEpochMilli())
                .sorted()
                .toList();
        int max = 0;
        int last = 0;
        for (int first = 0; first < sent.size(); first++) {
            while (last < sent.size() && sent.get(last) < sent.get(first) + 1000) {
                last++;
            }
            max = Math.max(max, last - first);
        }
        return max;
    }
}
