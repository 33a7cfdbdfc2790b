package dev.benchpulse.gateway.security;

import dev.benchpulse.gateway.limits.KeyedRateLimiter;
import dev.benchpulse.gateway.limits.TooManyRequests;
import dev.benchpulse.support.identity.Requester;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;

/**
 * Slows password guessing: every failed sign-in (form or HTTP Basic) takes one request from the client address's
 * bucket, and while it is spent every sign-in attempt from that address is answered 429 before any password is
 * checked. Successful sign-ins cost nothing, so people who know their password never notice.
 */
final class SignInLimit {

    private final KeyedRateLimiter failures;
    private final TooManyRequests tooMany;

    SignInLimit(KeyedRateLimiter failures, TooManyRequests tooMany) {
        this.failures = failures;
        this.tooMany = tooMany;
    }

    /** The filter that turns attempts away while their address's bucket is spent; first in the security chain. */
    WebFilter filter() {
        return (exchange, chain) -> {
            if (!isAttempt(exchange)) {
                return chain.filter(exchange);
            }
            Optional<Duration> wait = failures.exhausted(key(exchange));
            return wait.isPresent()
                    ? tooMany.write(exchange, "failed sign-ins", failures.limit(), wait.get())
                    : chain.filter(exchange);
        };
    }

    /** Counts a failed attempt against the request's address. */
    void failed(ServerWebExchange exchange) {
        failures.tryAcquire(key(exchange));
    }

    /** A sign-in form post, or any request that carries HTTP Basic credentials. */
    static boolean isAttempt(ServerWebExchange exchange) {
        return exchange.getRequest().getMethod() == HttpMethod.POST
                        && "/login"
                                .equals(exchange.getRequest()
                                        .getPath()
                                        .pathWithinApplication()
                                        .value())
                || hasBasicCredentials(exchange);
    }

    static boolean hasBasicCredentials(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static String key(ServerWebExchange exchange) {
        return Requester.remoteAddress(exchange);
    }
}
