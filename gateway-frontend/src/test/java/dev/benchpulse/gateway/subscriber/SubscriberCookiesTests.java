package dev.benchpulse.gateway.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

class SubscriberCookiesTests {

    static SubscriberCookies cookies(SubscriberPolicy policy) {
        return new SubscriberCookies(
                SubscriberTokensTests.properties(dev.benchpulse.gateway.testing.Backends.SUBSCRIBER_KEY, "HS256"),
                policy);
    }

    @Test
    void marks_the_cookie_secure_when_the_page_is_served_over_https() {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.get("https://bench.example/"));

        cookies(e -> Mono.just("visitor")).issue(exchange).block();

        ResponseCookie cookie = exchange.getResponse().getCookies().getFirst("mercureAuthorization");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isSecure()).isTrue();
    }

    @Test
    void gives_no_cookie_to_a_visitor_the_policy_does_not_allow() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("http://localhost/"));

        cookies(e -> Mono.empty()).issue(exchange).block();

        assertThat(exchange.getResponse().getCookies()).doesNotContainKey("mercureAuthorization");
    }

    @Test
    void expiring_the_cookie_sets_an_empty_value_with_no_lifetime_left() {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.post("http://localhost/logout"));

        cookies(e -> Mono.just("visitor")).expire(exchange);

        ResponseCookie cookie = exchange.getResponse().getCookies().getFirst("mercureAuthorization");
        assertThat(cookie.getValue()).isEmpty();
        assertThat(cookie.getMaxAge()).isZero();
        assertThat(cookie.getPath()).isEqualTo("/.well-known/mercure");
    }
}
