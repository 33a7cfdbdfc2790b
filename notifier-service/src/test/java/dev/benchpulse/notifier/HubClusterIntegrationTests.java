package dev.benchpulse.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.hub.testing.MercureTokens;
import dev.benchpulse.notifier.relay.UpdatePublisher;
import dev.benchpulse.testsupport.EmbeddedBroker;
import dev.benchpulse.testsupport.RunEvents;
import dev.benchpulse.testsupport.SseRecorder;
import dev.benchpulse.testsupport.TopicPublisher;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The notifier in front of a hub cluster ({@code benchpulse.notifier.hub.transport=kafka}): it produces each run's
 * updates straight to the cluster's topic, without a publish request, and two real hub instances reading that topic
 * deliver them to their subscribers, private as before, with the events' ids.
 */
@SpringBootTest(
        properties = {
            "benchpulse.notifier.hub.transport=kafka",
            "spring.kafka.consumer.auto-offset-reset=earliest",
            // its own group: the notifier context of the other tests reads the same events in the JVM
            "spring.kafka.consumer.group-id=benchpulse-notifier-hub-cluster-test",
            "spring.lifecycle.timeout-per-shutdown-phase=2s"
        })
class HubClusterIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String EVERY_RUN = RunTopics.TEMPLATE;
    private static final String PUBLISHER_KEY = MercureTokens.randomSecret();
    private static final String SUBSCRIBER_KEY = MercureTokens.randomSecret();

    private static MercureHubTestServer first;
    private static MercureHubTestServer second;
    private static TopicPublisher<String, SpecificRecord> events;

    @Autowired
    UpdatePublisher publisher;

    @BeforeAll
    static void cluster() {
        first = instance();
        second = instance();
        events = TopicPublisher.to(Topics.BENCHMARK_EVENTS);
    }

    private static MercureHubTestServer instance() {
        return MercureHubTestServer.builder()
                .publisherKey(PUBLISHER_KEY)
                .subscriberKey(SUBSCRIBER_KEY)
                .anonymous(true)
                .kafka(EmbeddedBroker.bootstrapServers(), Topics.HUB_UPDATES.name())
                .start();
    }

    @AfterAll
    static void stop() {
        events.close();
        first.close();
        second.close();
    }

    private static SseRecorder subscribe(MercureHubTestServer hub, String token) {
        URI uri = URI.create(hub.hubUrl() + "?topic=" + URLEncoder.encode(EVERY_RUN, StandardCharsets.UTF_8));
        SseRecorder recorder = SseRecorder.subscribe(uri, headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
        });
        assertThat(recorder.awaitStatus(TIMEOUT).value()).isEqualTo(200);
        return recorder;
    }

    @Test
    void every_instance_delivers_the_runs_private_updates_that_the_notifier_produced_to_the_topic() {
        String token = MercureTokens.hmac(SUBSCRIBER_KEY).subscriber(EVERY_RUN);
        RunEvents run = RunEvents.of("cluster", "php", 3);
        try (SseRecorder onFirst = subscribe(first, token);
                SseRecorder onSecond = subscribe(second, token);
                SseRecorder anonymous = subscribe(second, null)) {
            BenchmarkStarted started = run.started();
            events.send(run.key(), started);
            for (int i = 0; i < 3; i++) {
                events.send(run.key(), run.progress(100));
            }
            events.send(run.key(), run.completed());

            for (SseRecorder dashboard : List.of(onFirst, onSecond)) {
                List<ServerSentEvent<String>> updates = dashboard.awaitEvents(
                        e -> e.data().contains(run.runId().toString())
                                && e.data().contains("benchmark.completed"),
                        1,
                        TIMEOUT);
                assertThat(updates).isNotEmpty();
                List<ServerSentEvent<String>> ofRun = dashboard.events().stream()
                        .filter(e -> e.data().contains(run.runId().toString()))
                        .toList();
                assertThat(ofRun.getFirst().id()).isEqualTo(started.getEventId().toString());
                assertThat(ofRun.getFirst().data()).contains("\"type\":\"benchmark.started\"");
            }
            assertThat(onFirst.events().stream().map(ServerSentEvent::id).toList())
                    .isEqualTo(
                            onSecond.events().stream().map(ServerSentEvent::id).toList());

            // the anonymous subscriber is connected (it gets a public update) but never got a private one
            String open = WebClient.create(first.hubUrl())
                    .post()
                    .headers(h -> h.setBearerAuth(first.publisherToken()))
                    .body(BodyInserters.fromFormData("topic", RunTopics.of("public"))
                            .with("data", "open"))
                    .retrieve()
                    .bodyToMono(String.class)
                    .block(TIMEOUT);
            assertThat(anonymous.awaitEvents(1, TIMEOUT))
                    .extracting(ServerSentEvent::id)
                    .containsExactly(open);
        }
        assertThat(publisher.getClass().getSimpleName()).isEqualTo("HubTopicPublisher");
    }
}
