package dev.benchpulse.gateway.subscriber;

import static dev.benchpulse.gateway.testing.Backends.HUB;
import static dev.benchpulse.gateway.testing.Backends.HUB_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.gateway.testing.Backends;
import dev.benchpulse.gateway.testing.OpenModeGateway;
import dev.benchpulse.gateway.testing.Tokens;
import dev.benchpulse.testsupport.SseRecorder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

class SubscriberCookieIntegrationTests extends OpenModeGateway {

    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void every_dashboard_page_gives_the_visitor_a_cookie_that_may_only_read_run_topics() throws Exception {
        ResponseCookie cookie = client.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst("mercureAuthorization");

        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/.well-known/mercure");
        assertThat(cookie.isSecure()).as("plain http").isFalse();
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofHours(12));
        JWTClaimsSet claims = Tokens.verifiedClaims(cookie.getValue());
        assertThat(claims.getJSONObjectClaim("mercure"))
                .containsExactly(Map.entry("subscribe", List.of(RunTopics.TEMPLATE)));
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(12));
        assertThat(claims.getSubject()).isEqualTo("visitor");
    }

    @Test
    void a_stream_opened_without_a_cookie_gets_one_and_the_hub_receives_it() {
        try (SseRecorder stream = SseRecorder.subscribe(gateway() + HUB_PATH + "?topic=x")) {
            stream.awaitStatus(WAIT);
            await().atMost(WAIT).until(() -> !HUB.received().isEmpty());

            String issued = issuedToken(stream.responseHeaders());
            assertThat(Tokens.verifiedClaims(issued).getSubject()).isEqualTo("visitor");
            assertThat(HUB.last().header("Cookie")).isEqualTo("mercureAuthorization=" + issued);
        }
    }

    @Test
    void a_valid_cookie_reaches_the_hub_unchanged_and_is_not_reissued() {
        String token = Tokens.signed(Backends.SUBSCRIBER_KEY, "visitor", Duration.ofHours(11));

        try (SseRecorder stream = subscribeWith("mercureAuthorization=" + token + "; other=1")) {
            stream.awaitStatus(WAIT);
            await().atMost(WAIT).until(() -> !HUB.received().isEmpty());

            assertThat(stream.responseHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
            assertThat(HUB.last().header("Cookie")).isEqualTo("mercureAuthorization=" + token + "; other=1");
        }
    }

    @Test
    void a_cookie_close_to_expiry_is_renewed_on_the_way_to_the_hub() {
        String expiring = Tokens.signed(Backends.SUBSCRIBER_KEY, "visitor", Duration.ofMinutes(10));

        try (SseRecorder stream = subscribeWith("mercureAuthorization=" + expiring)) {
            stream.awaitStatus(WAIT);
            await().atMost(WAIT).until(() -> !HUB.received().isEmpty());

            String renewed = issuedToken(stream.responseHeaders());
            assertThat(renewed).isNotEqualTo(expiring);
            assertThat(Tokens.verifiedClaims(renewed).getExpirationTime())
                    .isAfter(Tokens.verifiedClaims(expiring).getExpirationTime());
            assertThat(HUB.last().header("Cookie")).isEqualTo("mercureAuthorization=" + renewed);
        }
    }

    @Test
    void a_token_signed_with_another_key_is_replaced_by_a_genuine_one() {
        String forged =
                Tokens.signed("a-different-key-of-at-least-256-bits-abcdefghijk", "visitor", Duration.ofHours(11));

        try (SseRecorder stream = subscribeWith("mercureAuthorization=" + forged)) {
            stream.awaitStatus(WAIT);
            await().atMost(WAIT).until(() -> !HUB.received().isEmpty());

            assertThat(HUB.last().header("Cookie"))
                    .isEqualTo("mercureAuthorization=" + issuedToken(stream.responseHeaders()));
        }
    }

    private SseRecorder subscribeWith(String cookieHeader) {
        return SseRecorder.subscribe(
                URI.create(gateway() + HUB_PATH + "?topic=x"),
                headers -> headers.set(HttpHeaders.COOKIE, cookieHeader));
    }

    private static String issuedToken(HttpHeaders headers) {
        List<String> cookies = headers.get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).as("Set-Cookie").isNotNull().hasSize(1);
        String header = cookies.getFirst();
        assertThat(header)
                .startsWith("mercureAuthorization=")
                .containsIgnoringCase("HttpOnly")
                .contains("SameSite=Strict");
        return header.substring("mercureAuthorization=".length(), header.indexOf(';'));
    }
}
