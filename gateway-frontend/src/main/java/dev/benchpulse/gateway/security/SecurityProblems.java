package dev.benchpulse.gateway.security;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;

import dev.benchpulse.gateway.system.ProblemResponses;
import reactor.core.publisher.Mono;

/**
 * What the secured mode answers when it says no: problem responses for the API and the event stream, the sign-in
 * page for a browser opening a page; and which requests need a CSRF token.
 */
final class SecurityProblems {

    private static final List<HttpMethod> SAFE = List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    private final ProblemResponses problems;

    SecurityProblems(ProblemResponses problems) {
        this.problems = problems;
    }

    ServerAuthenticationEntryPoint entryPoint() {
        ServerAuthenticationEntryPoint problem = (exchange, e) -> problems.write(exchange, HttpStatus.UNAUTHORIZED,
                "Sign-in required", "Benchpulse runs in secured mode: sign in at /login, or send HTTP Basic"
                        + " credentials of a configured user.");
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(ServerWebExchangeMatchers.pathMatchers("/api/**", "/.well-known/**", "/session",
                        "/actuator/**"), problem));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/login"));
        return entryPoint;
    }

    ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN, "Operator role required",
                "Only operators may start, cancel or calibrate runs; you are signed in as a viewer. Ask an"
                        + " administrator for the operator role.");
    }

    ServerAccessDeniedHandler csrfRejected() {
        return (exchange, denied) -> problems.write(exchange, HttpStatus.FORBIDDEN, "Missing or invalid CSRF token",
                "A browser request that changes something must carry the XSRF-TOKEN cookie's value in the"
                        + " X-XSRF-TOKEN header (the dashboard does this for you). Reload the page and try again.");
    }

    /**
     * Unsafe methods need a CSRF token, unless the request authenticates itself with an Authorization header: a
     * browser never adds one on its own, because the gateway never asks it for Basic credentials.
     */
    static ServerWebExchangeMatcher browserWrites() {
        return exchange -> {
            boolean unsafe = !SAFE.contains(exchange.getRequest().getMethod());
            boolean selfAuthenticated = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
            return unsafe && !selfAuthenticated ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /** Resolves the lazily created CSRF token so its cookie is written with every response. */
    static WebFilter csrfCookieWriter() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
            return token.then(chain.filter(exchange));
        };
    }
}
