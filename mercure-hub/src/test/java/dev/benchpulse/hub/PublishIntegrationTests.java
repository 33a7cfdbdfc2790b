package dev.benchpulse.hub;

import static dev.benchpulse.hub.Publisher.form;
import static dev.benchpulse.hub.SubscribeIntegrationTests.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.hub.testing.MercureTokens;
import dev.benchpulse.testsupport.SseRecorder;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

/** Publishing over real HTTP: the form fields, the answer, and who may publish what. */
class PublishIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MercureHubTestServer hub = TestHubs.open();
    private final Publisher publisher = new Publisher(hub.hubUrl());

    @Test
    void a_published_update_is_answered_with_its_id_as_plain_text() {
        ResponseEntity<String> response = publisher.publish(
                hub.publisherToken(), form("topic", TestHubs.topic(), "id", "urn:example:42", "data", "x"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).matches(t -> t.isCompatibleWith(MediaType.TEXT_PLAIN));
        assertThat(response.getBody()).isEqualTo("urn:example:42");
    }

    @Test
    void an_update_without_id_gets_a_generated_urn_uuid_that_subscribers_see() {
        String topic = TestHubs.topic();
        try (SseRecorder subscriber = subscribe(hub, topic)) {
            String id = publisher.publishOk(hub.publisherToken(), "topic", topic, "data", "x");

            assertThat(id).matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(subscriber.awaitEvents(1, WAIT))
                    .extracting(ServerSentEvent::id)
                    .containsExactly(id);
        }
    }

    @Test
    void a_repeated_publish_of_an_id_still_in_the_history_is_acknowledged_but_not_delivered_twice() {
        String topic = TestHubs.topic();
        String id = "urn:example:retry-" + System.nanoTime();
        try (SseRecorder subscriber = subscribe(hub, topic)) {
            // Given an update delivered once
            publisher.publishOk(hub.publisherToken(), "topic", topic, "id", id, "data", "first");
            subscriber.awaitEvents(1, WAIT);

            // When the publisher retries it (its first response lost), then publishes the next update
            String repeated = publisher.publishOk(hub.publisherToken(), "topic", topic, "id", id, "data", "first");
            publisher.publishOk(hub.publisherToken(), "topic", topic, "id", id + "-next", "data", "next");

            // Then the retry is acknowledged with the id, and the subscriber sees each update once, in order
            assertThat(repeated).isEqualTo(id);
            assertThat(subscriber.awaitEvents(2, WAIT))
                    .extracting(ServerSentEvent::id)
                    .containsExactly(id, id + "-next");
        }
    }

    @Test
    void an_id_starting_with_a_hash_is_refused() {
        ResponseEntity<String> response =
                publisher.publish(hub.publisherToken(), form("topic", TestHubs.topic(), "id", "#1", "data", "x"));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(response.getBody()).contains("starts with '#'");
    }

    @Test
    void an_update_reaches_subscribers_of_its_canonical_and_of_its_alternate_topics() {
        String canonical = TestHubs.topic();
        String alternate = TestHubs.topic();
        try (SseRecorder ofCanonical = subscribe(hub, canonical);
                SseRecorder ofAlternate = subscribe(hub, alternate)) {
            publisher.publishOk(hub.publisherToken(), "topic", canonical, "topic", alternate, "data", "both");

            assertThat(ofCanonical.awaitEvents(1, WAIT))
                    .extracting(ServerSentEvent::data)
                    .containsExactly("both");
            assertThat(ofAlternate.awaitEvents(1, WAIT))
                    .extracting(ServerSentEvent::data)
                    .containsExactly("both");
        }
    }

    @Test
    void publishing_without_a_token_or_with_a_forged_one_is_unauthorized() {
        String forged = MercureTokens.hmac(MercureTokens.randomSecret()).publisher("*");

        ResponseEntity<String> none = publisher.publish(form("topic", TestHubs.topic()), headers -> {});
        ResponseEntity<String> wrongKey = publisher.publish(forged, form("topic", TestHubs.topic()));
        ResponseEntity<String> subscriberToken =
                publisher.publish(hub.subscriberToken("*"), form("topic", TestHubs.topic()));

        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(none.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
        assertThat(wrongKey.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(subscriberToken.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void publishing_to_a_topic_the_token_does_not_cover_is_forbidden_even_if_another_topic_is_covered() {
        String allowed = "https://example.com/allowed/" + System.nanoTime();
        String token = hub.publisherToken("https://example.com/allowed/{id}");
        String noPublishClaim = MercureTokens.hmac(hub.publisherKey()).subscriber("*");

        ResponseEntity<String> mixed = publisher.publish(token, form("topic", allowed, "topic", TestHubs.topic()));
        ResponseEntity<String> noClaim = publisher.publish(noPublishClaim, form("topic", allowed));
        ResponseEntity<String> covered = publisher.publish(token, form("topic", allowed));

        assertThat(mixed.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(noClaim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(covered.getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void an_update_needs_a_topic_and_a_form_body() {
        ResponseEntity<String> noTopic = publisher.publish(hub.publisherToken(), form("data", "x"));
        ResponseEntity<String> json = WebClient.create()
                .post()
                .uri(hub.hubUrl())
                .headers(h -> h.setBearerAuth(hub.publisherToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"topic\":\"x\"}")
                .exchangeToMono(r -> r.toEntity(String.class))
                .block(WAIT);

        assertThat(noTopic.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(json.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
    }
}
