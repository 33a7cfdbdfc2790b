package dev.benchpulse.gateway.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import dev.benchpulse.support.identity.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The secured mode's table of who may do what: every route of the API, the pages, the event stream and Actuator with
 * the least role it needs, first match wins. Every state-changing API route is listed with its role; one that is not
 * listed needs the admin role, so a new route is closed until someone decides who may use it. Reads need a viewer
 * (the catch-all line); the read routes of the PHP-versions views are named anyway, as reads by decision.
 */
final class RouteRoles {

    /**
     * One line of the table.
     *
     * @param methods  the methods it covers; empty for every method
     * @param patterns the paths it covers
     * @param role     the least role needed; empty when anyone may
     */
    record Rule(Set<HttpMethod> methods, List<PathPattern> patterns, Optional<Role> role) {

        boolean matches(ServerWebExchange exchange) {
            return (methods.isEmpty() || methods.contains(exchange.getRequest().getMethod()))
                    && patterns.stream()
                            .anyMatch(p ->
                                    p.matches(exchange.getRequest().getPath().pathWithinApplication()));
        }
    }

    static final List<Rule> RULES = List.of(
            anyone(Set.of(), "/actuator/health", "/actuator/health/**", "/actuator/info"),
            anyone(Set.of(), "/login", "/assets/**", "/webjars/**", "/favicon.svg"),
            rule(Set.of(POST), Role.OPERATOR, "/api/runs", "/api/benchmarks/*/calibrate"),
            rule(Set.of(DELETE), Role.OPERATOR, "/api/runs/*"),
            rule(
                    Set.of(PUT, DELETE),
                    Role.OPERATOR,
                    "/api/benchmarks/*/baseline",
                    "/api/benchmarks/*/regression-threshold"),
            rule(Set.of(POST), Role.OPERATOR, "/api/operations/dead-letters/*/replay"),
            // A matrix's progress, a benchmark by PHP version, the speed-up between two runtimes and the runtimes'
            // origins and settings: reads of what any viewer may see. A matrix is started with POST /api/runs.
            rule(
                    Set.of(GET, HEAD),
                    Role.VIEWER,
                    "/api/matrices/*",
                    "/api/benchmarks/*/versions",
                    "/api/speedups",
                    "/api/runtimes",
                    "/api/runtimes/**"),
            rule(unsafe(), Role.ADMIN, "/api/**"),
            rule(Set.of(), Role.ADMIN, "/actuator/**"),
            rule(Set.of(), Role.VIEWER, "/**"));

    private RouteRoles() {}

    /** The least role this request needs; empty when anyone may send it. */
    static Optional<Role> required(ServerWebExchange exchange) {
        return RULES.stream().filter(rule -> rule.matches(exchange)).findFirst().flatMap(Rule::role);
    }

    /** Applies the table to Spring Security's authorization. */
    static void apply(ServerHttpSecurity.AuthorizeExchangeSpec exchanges) {
        for (Rule rule : RULES) {
            ServerWebExchangeMatcher matcher = exchange -> rule.matches(exchange)
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
            ServerHttpSecurity.AuthorizeExchangeSpec.Access access = exchanges.matchers(matcher);
            rule.role().ifPresentOrElse(role -> access.hasRole(role.name()), access::permitAll);
        }
    }

    private static Rule anyone(Set<HttpMethod> methods, String... patterns) {
        return new Rule(methods, parse(patterns), Optional.empty());
    }

    private static Rule rule(Set<HttpMethod> methods, Role role, String... patterns) {
        return new Rule(methods, parse(patterns), Optional.of(role));
    }

    private static List<PathPattern> parse(String... patterns) {
        return Arrays.stream(patterns)
                .map(PathPatternParser.defaultInstance::parse)
                .toList();
    }

    private static Set<HttpMethod> unsafe() {
        return Set.of(POST, PUT, DELETE, HttpMethod.PATCH);
    }
}
