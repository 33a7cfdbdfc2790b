package dev.benchpulse.hub;

import static dev.benchpulse.hub.Publisher.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.hub.testing.MercureTokens;
import dev.benchpulse.testsupport.SseRecorder;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Authorization over real HTTP on a hub without anonymous subscribers: where the token may be, which one wins,
 * private updates, expiry, and the cross-site request forgery check on cookie publishing.
 */
class AuthorizationIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MercureHubTestServer hub = TestHubs.secured();
    private final Publisher publisher = new Publisher(hub.hubUrl());
    private final String forged =
            MercureTokens.hmac(MercureTokens.randomSecret()).subscriber("*");

    private SseRecorder subscribe(String topic, String queryToken, Consumer<HttpHeaders> headers) {
        UriComponentsBuilder uri =
                UriComponentsBuilder.fromUriString(hub.hubUrl()).queryParam("topic", "{topic}");
        if (queryToken != null) {
            uri.queryParam("authorization", "{token}");
        }
        URI target = uri.encode().buildAndExpand(topic, queryToken).toUri();
        SseRecorder recorder = SseRecorder.subscribe(target, headers);
        recorder.awaitStatus(WAIT);
        return recorder;
    }

    private static Consumer<HttpHeaders> bearer(String token) {
        return headers -> headers.setBearerAuth(token);
    }

    private Consumer<HttpHeaders> cookie(String token) {
        return headers -> headers.add(HttpHeaders.COOKIE, "mercureAuthorization=" + token);
    }

    private HttpStatusCode status(String queryToken, Consumer<HttpHeaders> headers) {
        try (SseRecorder recorder = subscribe(TestHubs.topic(), queryToken, headers)) {
            return recorder.awaitStatus(WAIT);
        }
    }

    @Test
    void subscribing_without_a_token_is_unauthorized_when_anonymous_subscribers_are_not_allowed() {
        assertThat(status(null, headers -> {})).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void the_token_is_accepted_from_the_header_the_query_parameter_or_the_cookie() {
        String token = hub.subscriberToken();

        assertThat(status(null, bearer(token))).isEqualTo(HttpStatus.OK);
        assertThat(status(token, headers -> {})).isEqualTo(HttpStatus.OK);
        assertThat(status(null, cookie(token))).isEqualTo(HttpStatus.OK);
    }

    @Test
    void the_header_wins_over_the_query_parameter_which_wins_over_the_cookie() {
        String valid = hub.subscriberToken();

        assertThat(status(forged, bearer(valid))).isEqualTo(HttpStatus.OK);
        assertThat(status(null, bearer(forged).andThen(cookie(valid)))).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(status(valid, cookie(forged))).isEqualTo(HttpStatus.OK);
        assertThat(status(forged, cookie(valid))).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void a_private_update_reaches_only_subscribers_whose_token_covers_one_of_its_topics() {
        String book = "https://example.com/books/" + System.nanoTime();
        String userAlternate = "https://example.com/users/alice/?topic="
                + org.springframework.web.util.UriUtils.encode(book, java.nio.charset.StandardCharsets.UTF_8);
        String allowed = hub.subscriberToken("https://example.com/users/alice/{?topic}");
        String other = hub.subscriberToken("https://example.com/users/bob/{?topic}");
        try (SseRecorder alice = subscribe(book, null, bearer(allowed));
                SseRecorder bob = subscribe(book, null, bearer(other))) {
            publisher.publishOk(
                    hub.publisherToken(), "topic", book, "topic", userAlternate, "private", "on", "data", "secret");
            publisher.publishOk(hub.publisherToken(), "topic", book, "data", "public");

            assertThat(alice.awaitEvents(2, WAIT))
                    .extracting(ServerSentEvent::data)
                    .containsExactly("secret", "public");
            assertThat(bob.awaitEvents(1, WAIT))
                    .extracting(ServerSentEvent::data)
                    .containsExactly("public");
        }
    }

    @Test
    void the_stream_closes_when_the_token_expires() {
        String shortLived = MercureTokens.hmac(hub.subscriberKey())
                .claims()
                .subscribe("*")
                .expiresIn(Duration.ofSeconds(2))
                .sign();
        try (SseRecorder subscriber = subscribe(TestHubs.topic(), null, bearer(shortLived))) {
            assertThat(subscriber.awaitStatus(WAIT)).isEqualTo(HttpStatus.OK);
            await().atMost(Duration.ofSeconds(6)).until(subscriber::isCompleted);
        }
    }

    @Test
    void publishing_with_the_cookie_needs_an_allowed_origin_or_referer() {
        String token = hub.publisherToken();

        ResponseEntity<String> allowedOrigin = publisher.publish(
                form("topic", TestHubs.topic()),
                cookie(token).andThen(h -> h.setOrigin(TestHubs.ALLOWED_PUBLISH_ORIGIN)));
        ResponseEntity<String> allowedReferer = publisher.publish(
                form("topic", TestHubs.topic()),
                cookie(token).andThen(h -> h.set(HttpHeaders.REFERER, TestHubs.ALLOWED_PUBLISH_ORIGIN + "/page")));
        ResponseEntity<String> otherOrigin = publisher.publish(
                form("topic", TestHubs.topic()), cookie(token).andThen(h -> h.setOrigin("https://attacker.example")));
        ResponseEntity<String> noOrigin = publisher.publish(form("topic", TestHubs.topic()), cookie(token));

        assertThat(allowedOrigin.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(allowedReferer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(otherOrigin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(otherOrigin.getBody()).contains("MERCURE_PUBLISH_ORIGINS");
        assertThat(noOrigin.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
