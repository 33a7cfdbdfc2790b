package dev.benchpulse.gateway.subscriber;

import dev.benchpulse.contracts.web.ApiHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The {@code mercureAuthorization} cookie: HttpOnly so page scripts never see the token, SameSite=Strict, and
 * scoped to the hub's path so it travels with the event stream and nothing else. Secure when served over https.
 */
@Component
@EnableConfigurationProperties(SubscriberProperties.class)
public class SubscriberCookies {

    static final String NAME = ApiHeaders.SUBSCRIBER_COOKIE;
    static final String PATH = "/.well-known/mercure";

    private final SubscriberTokens tokens;
    private final SubscriberPolicy policy;

    SubscriberCookies(SubscriberProperties properties, SubscriberPolicy policy) {
        this.tokens = new SubscriberTokens(properties, Clock.systemUTC());
        this.policy = policy;
    }

    /** Gives the visitor a fresh cookie if the policy lets them subscribe (on every dashboard page). */
    public Mono<Void> issue(ServerWebExchange exchange) {
        return policy.subject(exchange)
                .doOnNext(subject -> exchange.getResponse().addCookie(cookie(exchange, tokens.mint(subject))))
                .then();
    }

    /**
     * Renews the cookie on a hub request when it is missing, foreign or close to expiry, so an event stream that
     * reconnects after hours still authenticates. Returns the exchange to forward, carrying the valid token.
     */
    Mono<ServerWebExchange> renew(ServerWebExchange exchange) {
        HttpCookie current = exchange.getRequest().getCookies().getFirst(NAME);
        return policy.subject(exchange)
                .filter(subject -> current == null || !tokens.isFresh(current.getValue(), subject))
                .map(subject -> withToken(exchange, tokens.mint(subject)))
                .defaultIfEmpty(exchange);
    }

    /** Removes the cookie (on sign-out). */
    public void expire(ServerWebExchange exchange) {
        exchange.getResponse()
                .addCookie(base(exchange, "").maxAge(Duration.ZERO).build());
    }

    private ServerWebExchange withToken(ServerWebExchange exchange, String token) {
        exchange.getResponse().addCookie(cookie(exchange, token));
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> {
                    String others = exchange.getRequest().getCookies().values().stream()
                            .flatMap(List::stream)
                            .filter(c -> !NAME.equals(c.getName()))
                            .map(HttpCookie::toString)
                            .reduce((a, b) -> a + "; " + b)
                            .orElse("");
                    headers.set("Cookie", others.isEmpty() ? NAME + "=" + token : others + "; " + NAME + "=" + token);
                })
                .build();
        return exchange.mutate().request(request).build();
    }

    private ResponseCookie cookie(ServerWebExchange exchange, String token) {
        return base(exchange, token).maxAge(tokens.lifetime()).build();
    }

    private static ResponseCookie.ResponseCookieBuilder base(ServerWebExchange exchange, String value) {
        return ResponseCookie.from(NAME, value)
                .httpOnly(true)
                .sameSite("Strict")
                .path(PATH)
                .secure("https".equalsIgnoreCase(exchange.getRequest().getURI().getScheme()));
    }
}
