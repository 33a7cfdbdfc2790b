package dev.benchpulse.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.testsupport.SseRecorder;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The hub as a server: the test server's stop and restart on the same port, health and metrics, CORS, discovery
 * links and the page at {@code /}.
 */
class HubServerIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static ResponseEntity<String> get(String url) {
        return WebClient.create()
                .get()
                .uri(url)
                .exchangeToMono(r -> r.toEntity(String.class))
                .block(WAIT);
    }

    @Test
    void the_test_server_stops_and_starts_again_on_the_same_port() {
        try (MercureHubTestServer hub =
                MercureHubTestServer.builder().anonymous(true).start()) {
            int port = hub.port();
            SseRecorder before = SubscribeIntegrationTests.subscribe(hub, "*");

            hub.stop();
            await().atMost(WAIT).until(() -> before.isCompleted() || before.error() != null);
            hub.start();

            assertThat(hub.port()).isEqualTo(port);
            try (SseRecorder after = SubscribeIntegrationTests.subscribe(hub, "*")) {
                new Publisher(hub.hubUrl()).publishOk(hub.publisherToken(), "topic", "t", "data", "back");
                assertThat(after.awaitEvents(1, WAIT))
                        .extracting(ServerSentEvent::data)
                        .containsExactly("back");
            }
        }
    }

    @Test
    void health_and_metrics_report_subscribers_and_updates() {
        MercureHubTestServer hub = TestHubs.open();
        try (SseRecorder subscriber = SubscribeIntegrationTests.subscribe(hub, TestHubs.topic())) {
            new Publisher(hub.hubUrl()).publishOk(hub.publisherToken(), "topic", TestHubs.topic());

            assertThat(get(hub.baseUrl() + "/actuator/health").getBody()).contains("\"status\":\"UP\"");
            assertThat(get(hub.baseUrl() + "/actuator/metrics/mercure.subscribers")
                            .getBody())
                    .contains("VALUE");
            assertThat(get(hub.baseUrl() + "/actuator/metrics/mercure.updates.published")
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(get(hub.baseUrl() + "/actuator/metrics/mercure.updates.dispatched")
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(get(hub.baseUrl() + "/actuator/metrics/mercure.dispatch.latency")
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void configured_origins_may_use_the_hub_with_credentials_and_others_may_not() {
        MercureHubTestServer hub = TestHubs.open();
        ResponseEntity<String> allowed = preflight(hub, TestHubs.CORS_ORIGIN);
        ResponseEntity<String> other = preflight(hub, "https://elsewhere.example");

        assertThat(allowed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(allowed.getHeaders().getAccessControlAllowOrigin()).isEqualTo(TestHubs.CORS_ORIGIN);
        assertThat(allowed.getHeaders().getAccessControlAllowCredentials()).isTrue();
        assertThat(other.getHeaders().getAccessControlAllowOrigin()).isNull();
    }

    private static ResponseEntity<String> preflight(MercureHubTestServer hub, String origin) {
        return WebClient.create()
                .method(HttpMethod.OPTIONS)
                .uri(hub.hubUrl())
                .headers(h -> {
                    h.setOrigin(origin);
                    h.setAccessControlRequestMethod(HttpMethod.GET);
                    h.set("Access-Control-Request-Headers", "last-event-id");
                })
                .exchangeToMono(r -> r.toEntity(String.class))
                .block(WAIT);
    }

    @Test
    void the_page_at_the_root_is_served_with_its_module_and_a_discovery_link() {
        MercureHubTestServer hub = TestHubs.open();
        ResponseEntity<String> page = get(hub.baseUrl() + "/");
        ResponseEntity<String> script = get(hub.baseUrl() + "/ui/app.js");

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("Benchpulse Mercure hub").contains("type=\"module\"");
        assertThat(page.getHeaders().getFirst("Link")).contains("rel=\"mercure\"");
        assertThat(script.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(script.getBody()).contains("new EventSource");
    }
}
