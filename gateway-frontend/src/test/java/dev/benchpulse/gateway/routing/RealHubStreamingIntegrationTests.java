package dev.benchpulse.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.gateway.testing.Backends;
import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.testsupport.SseRecorder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The browser's path to live updates with our real hub behind the gateway: the visitor's subscriber cookie from the
 * gateway authorizes a private subscription through the gateway's route, updates stream through one by one, and a
 * reconnect with {@code Last-Event-ID} gets exactly what was missed from the hub's history.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RealHubStreamingIntegrationTests {

    private static final String TEMPLATE_QUERY = "?topic=urn%3Abenchpulse%3Aruns%3A%7BrunId%7D";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final MercureHubTestServer HUB = MercureHubTestServer.builder()
            .subscriberKey(Backends.SUBSCRIBER_KEY)
            .anonymous(false)
            .start();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.register(registry);
        registry.add("benchpulse.services.hub-url", HUB::hubUrl);
    }

    @AfterAll
    static void stopHub() {
        HUB.close();
    }

    @Test
    void private_updates_reach_a_visitor_through_the_gateway_and_a_reconnect_gets_exactly_what_it_missed() {
        String cookie = subscriberCookie();
        String run = RunTopics.of(UUID.randomUUID());

        List<ServerSentEvent<String>> first;
        try (SseRecorder stream = subscribe(cookie, null)) {
            assertThat(stream.awaitStatus(WAIT).value()).isEqualTo(200);
            publish(run, "urn:uuid:00000000-0000-4000-8000-000000000001", "{\"type\":\"benchmark.started\"}");
            publish(run, "urn:uuid:00000000-0000-4000-8000-000000000002", "{\"type\":\"benchmark.progress\"}");
            first = stream.awaitEvents(2, WAIT);
        }
        assertThat(first)
                .extracting(ServerSentEvent::id)
                .containsExactly(
                        "urn:uuid:00000000-0000-4000-8000-000000000001",
                        "urn:uuid:00000000-0000-4000-8000-000000000002");

        publish(run, "urn:uuid:00000000-0000-4000-8000-000000000003", "{\"type\":\"benchmark.progress\"}");
        publish(run, "urn:uuid:00000000-0000-4000-8000-000000000004", "{\"type\":\"benchmark.completed\"}");

        try (SseRecorder resumed = subscribe(cookie, first.getLast().id())) {
            assertThat(resumed.awaitEvents(2, WAIT))
                    .extracting(ServerSentEvent::id)
                    .containsExactly(
                            "urn:uuid:00000000-0000-4000-8000-000000000003",
                            "urn:uuid:00000000-0000-4000-8000-000000000004");
            assertThat(resumed.events())
                    .extracting(ServerSentEvent::data)
                    .last()
                    .asString()
                    .contains("benchmark.completed");
        }
    }

    private String subscriberCookie() {
        return WebClient.create("http://127.0.0.1:" + port)
                .get()
                .uri("/")
                .retrieve()
                .toBodilessEntity()
                .map(response -> response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                        .filter(header -> header.startsWith("mercureAuthorization="))
                        .map(header -> header.substring(0, header.indexOf(';')))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no subscriber cookie on the page")))
                .block(WAIT);
    }

    private SseRecorder subscribe(String cookie, String lastEventId) {
        return SseRecorder.subscribe(
                URI.create("http://127.0.0.1:" + port + "/.well-known/mercure" + TEMPLATE_QUERY), headers -> {
                    headers.add(HttpHeaders.COOKIE, cookie);
                    if (lastEventId != null) {
                        headers.set("Last-Event-ID", lastEventId);
                    }
                });
    }

    private static void publish(String topic, String id, String data) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("topic", topic);
        form.add("id", id);
        form.add("data", data);
        form.add("private", "on");
        WebClient.create()
                .post()
                .uri(HUB.hubUrl())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + HUB.publisherToken())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData(form))
                .retrieve()
                .toBodilessEntity()
                .block(WAIT);
    }
}
