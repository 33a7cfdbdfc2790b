package dev.benchpulse.gateway.security;

import dev.benchpulse.gateway.visitor.Visitors;
import dev.benchpulse.support.identity.Role;
import dev.benchpulse.support.problem.ProblemResponses;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

/**
 * What the secured mode answers when it says no: problem responses for the API and the event stream, the sign-in
 * page for a browser opening a page; and which requests need a CSRF token.
 */
final class SecurityProblems {

    private static final List<HttpMethod> SAFE =
            List.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final ProblemResponses problems;
    private final SignInLimit signInLimit;

    SecurityProblems(ProblemResponses problems, SignInLimit signInLimit) {
        this.problems = problems;
        this.signInLimit = signInLimit;
    }

    /** Asks for a sign-in; a request that brought HTTP Basic credentials and got here had wrong ones. */
    ServerAuthenticationEntryPoint entryPoint() {
        ServerAuthenticationEntryPoint problem = (exchange, e) -> {
            if (SignInLimit.hasBasicCredentials(exchange)) {
                signInLimit.failed(exchange);
            }
            return problems.write(
                    exchange,
                    HttpStatus.UNAUTHORIZED,
                    "Sign-in required",
                    "Benchpulse runs in"
                            + " secured mode: sign in at /login, or send HTTP Basic credentials of a configured user.");
        };
        DelegatingServerAuthenticationEntryPoint entryPoint =
                new DelegatingServerAuthenticationEntryPoint(new DelegateEntry(
                        ServerWebExchangeMatchers.pathMatchers(
                                "/api/**", "/.well-known/**", "/session", "/actuator/**"),
                        problem));
        entryPoint.setDefaultEntryPoint(new RedirectServerAuthenticationEntryPoint("/login"));
        return entryPoint;
    }

    /** Names the role the request needed and the roles the user has. */
    ServerAccessDeniedHandler forbidden() {
        return (exchange, denied) -> exchange.getPrincipal()
                .map(Authentication.class::cast)
                .map(user -> user.getName() + " ("
                        + (Visitors.roles(user).isEmpty()
                                ? "no role"
                                : Visitors.roles(user).stream()
                                        .map(Role::id)
                                        .sorted()
                                        .collect(Collectors.joining(", ")))
                        + ")")
                .defaultIfEmpty("nobody")
                .flatMap(who -> {
                    String role = RouteRoles.required(exchange).map(Role::id).orElse("viewer");
                    return problems.write(
                            exchange,
                            HttpStatus.FORBIDDEN,
                            Character.toUpperCase(role.charAt(0)) + role.substring(1) + " role required",
                            exchange.getRequest().getMethod() + " "
                                    + exchange.getRequest().getPath() + " needs the " + role
                                    + " role; you are signed in as " + who + ". Ask an administrator for it.");
                });
    }

    /** Counts a failed form sign-in and sends the browser back to the form with the error shown. */
    ServerAuthenticationFailureHandler signInFailed() {
        RedirectServerAuthenticationFailureHandler redirect =
                new RedirectServerAuthenticationFailureHandler("/login?error");
        return (webFilterExchange, exception) -> {
            signInLimit.failed(webFilterExchange.getExchange());
            return redirect.onAuthenticationFailure(webFilterExchange, exception);
        };
    }

    ServerAccessDeniedHandler csrfRejected() {
        return (exchange, denied) -> problems.write(
                exchange,
                HttpStatus.FORBIDDEN,
                "Missing or invalid CSRF token",
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
            return unsafe && !selfAuthenticated
                    ? ServerWebExchangeMatcher.MatchResult.match()
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
