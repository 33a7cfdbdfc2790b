package dev.benchpulse.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.testsupport.SseRecorder;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The limits on what one client can make the hub do, over real HTTP: template length and expressions, selectors per
 * subscription, the same for selectors in a token's claims, and open subscriptions per client address (behind a
 * trusted proxy, per forwarded address): each refusal is a 400 problem document that says which limit was hit. An
 * instance at its bound on subscriptions answers 503 with {@code Retry-After}, for the client to go elsewhere.
 */
class LimitsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static final MercureHubTestServer HUB = MercureHubTestServer.builder()
            .anonymous(true)
            .property("mercure.limits.template-length", "64")
            .property("mercure.limits.template-expressions", "3")
            .property("mercure.limits.selectors", "3")
            .property("mercure.limits.subscriptions-per-address", "2")
            .start();

    @AfterAll
    static void stop() {
        HUB.close();
    }

    private static ResponseEntity<String> refused(Consumer<HttpHeaders> headers, String... topics) {
        return WebClient.create()
                .get()
                .uri(SubscribeIntegrationTests.subscription(HUB, topics))
                .headers(headers)
                .exchangeToMono(response -> response.toEntity(String.class))
                .block(WAIT);
    }

    private static SseRecorder open(String forwardedFor, String topic) {
        URI uri = SubscribeIntegrationTests.subscription(HUB, topic);
        SseRecorder recorder = SseRecorder.subscribe(uri, headers -> {
            if (forwardedFor != null) {
                headers.set("X-Forwarded-For", forwardedFor);
            }
        });
        recorder.awaitStatus(WAIT);
        return recorder;
    }

    private static void assertProblem(ResponseEntity<String> response, String... reason) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains(reason);
    }

    @Test
    void a_template_over_the_length_or_expression_limit_is_refused_with_the_reason() {
        assertProblem(
                refused(headers -> {}, "https://example.com/" + "x".repeat(50) + "/{id}"),
                "characters long",
                "MERCURE_LIMITS_TEMPLATE_LENGTH");
        assertProblem(
                refused(headers -> {}, "{+v0}{+v1}{+v2}{+v3}!"),
                "has 4 expressions",
                "MERCURE_LIMITS_TEMPLATE_EXPRESSIONS");
    }

    @Test
    void a_subscription_with_more_selectors_than_the_limit_is_refused() {
        assertProblem(
                refused(headers -> {}, "a", "b", "c", "d"), "Too many topic selectors", "MERCURE_LIMITS_SELECTORS");
    }

    @Test
    void a_token_cannot_bring_in_a_template_over_the_limits() {
        String token = HUB.subscriberToken("{+v0}{+v1}{+v2}{+v3}!");

        assertProblem(
                refused(headers -> headers.setBearerAuth(token), "a"),
                "has 4 expressions",
                "the mercure.subscribe claim of the subscriber JWT");
    }

    @Test
    void a_client_address_holds_at_most_the_limit_of_open_subscriptions_and_gets_a_place_back_when_one_closes() {
        // the test client connects from 127.0.0.1, a trusted proxy by default: the forwarded address is the client
        String client = "198.51.100.1";
        try (SseRecorder first = open(client, TestHubs.topic());
                SseRecorder second = open(client, TestHubs.topic())) {
            assertThat(first.awaitStatus(WAIT)).isEqualTo(HttpStatus.OK);
            assertThat(second.awaitStatus(WAIT)).isEqualTo(HttpStatus.OK);

            assertProblem(
                    refused(headers -> headers.set("X-Forwarded-For", client), TestHubs.topic()),
                    "Too many open subscriptions from " + client,
                    "MERCURE_LIMITS_SUBSCRIPTIONS_PER_ADDRESS");
            try (SseRecorder other = open("198.51.100.2", TestHubs.topic())) {
                assertThat(other.awaitStatus(WAIT)).isEqualTo(HttpStatus.OK);
            }
            first.close();
            await().atMost(WAIT).untilAsserted(() -> {
                try (SseRecorder again = open(client, TestHubs.topic())) {
                    assertThat(again.awaitStatus(WAIT)).isEqualTo(HttpStatus.OK);
                }
            });
        }
    }

    @Test
    void an_instance_at_its_subscriber_limit_answers_503_with_retry_after_and_takes_new_ones_once_one_closes() {
        try (MercureHubTestServer small = MercureHubTestServer.builder()
                        .anonymous(true)
                        .property("mercure.limits.subscribers", "2")
                        .start();
                SseRecorder first = SseRecorder.subscribe(
                        SubscribeIntegrationTests.subscription(small, TestHubs.topic()),
                        headers -> headers.set("X-Forwarded-For", "198.51.100.3"));
                SseRecorder second = SseRecorder.subscribe(
                        SubscribeIntegrationTests.subscription(small, TestHubs.topic()),
                        headers -> headers.set("X-Forwarded-For", "198.51.100.4"))) {
            assertThat(first.awaitStatus(WAIT)).isEqualTo(HttpStatus.OK);
            assertThat(second.awaitStatus(WAIT)).isEqualTo(HttpStatus.OK);

            ResponseEntity<String> full = WebClient.create()
                    .get()
                    .uri(SubscribeIntegrationTests.subscription(small, TestHubs.topic()))
                    .exchangeToMono(response -> response.toEntity(String.class))
                    .block(WAIT);
            assertThat(full.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(full.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(full.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
            assertThat(full.getHeaders().getFirst(HttpHeaders.CONNECTION)).isEqualTo("close");
            assertThat(full.getBody())
                    .contains("holds the most subscriptions it allows (2", "MERCURE_LIMITS_SUBSCRIBERS");

            first.close();
            await().atMost(WAIT).untilAsserted(() -> {
                try (SseRecorder again = SseRecorder.subscribe(
                        SubscribeIntegrationTests.subscription(small, TestHubs.topic()), h -> {})) {
                    assertThat(again.awaitStatus(WAIT)).isEqualTo(HttpStatus.OK);
                }
            });
        }
    }

    @Test
    void the_dashboard_selector_is_within_every_default_limit() {
        try (MercureHubTestServer defaults =
                        MercureHubTestServer.builder().anonymous(true).start();
                SseRecorder dashboard = SseRecorder.subscribe(
                        SubscribeIntegrationTests.subscription(defaults, RunTopics.TEMPLATE), h -> {})) {
            assertThat(dashboard.awaitStatus(WAIT)).isEqualTo(HttpStatus.OK);
        }
    }
}
