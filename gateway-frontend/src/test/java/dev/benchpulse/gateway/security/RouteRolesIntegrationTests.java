package dev.benchpulse.gateway.security;

import static dev.benchpulse.gateway.testing.Backends.HUB;
import static dev.benchpulse.gateway.testing.Backends.RESULTS;
import static dev.benchpulse.gateway.testing.Backends.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.gateway.testing.Backends;
import dev.benchpulse.gateway.testing.SecuredModeGateway;
import dev.benchpulse.gateway.testing.StubBackend;
import dev.benchpulse.gateway.testing.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every route of the gateway, the API of both services, the event stream, the pages and Actuator, each tried by an
 * anonymous visitor, a viewer, an operator and an admin in the secured mode: exactly the roles at or above the
 * route's least role get through, and the service learns who they are from a token the gateway signed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
class RouteRolesIntegrationTests {

    static final String RUN = "5b0c3f4e-1d2a-4c55-9a43-3e1f0f6d8a10";

    /** The roles in order; a route's least role admits itself and everything after it. */
    static final List<String> ROLES = List.of("anonymous", "viewer", "operator", "admin");

    static final Map<String, String[]> CREDENTIALS = Map.of(
            "viewer", new String[] {"vera", SecuredModeGateway.VIEWER_PASSWORD},
            "operator", new String[] {"otto", SecuredModeGateway.OPERATOR_PASSWORD},
            "admin", new String[] {"ada", SecuredModeGateway.ADMIN_PASSWORD});

    @Autowired
    WebTestClient client;

    /** The whole table: method, path, who answers, least role ({@code anyone} needs no sign-in). */
    static final List<Route> ROUTES = List.of(
            new Route("GET", "/api/benchmarks", "runner", "viewer"),
            new Route("GET", "/api/benchmarks/str-contains", "runner", "viewer"),
            new Route("GET", "/api/runtimes", "runner", "viewer"),
            new Route("POST", "/api/runs", "runner", "operator"),
            new Route("DELETE", "/api/runs/" + RUN, "runner", "operator"),
            new Route("POST", "/api/benchmarks/str-contains/calibrate?runtime=php", "runner", "operator"),
            new Route("GET", "/api/runs?benchmark=str-contains", "results", "viewer"),
            new Route("GET", "/api/runs/" + RUN, "results", "viewer"),
            new Route("GET", "/api/runs/" + RUN + "/samples", "results", "viewer"),
            new Route("GET", "/api/runs/" + RUN + "/bmf", "results", "viewer"),
            new Route("GET", "/api/benchmarks/str-contains/comparison?runtimes=php,php-jit", "results", "viewer"),
            new Route("GET", "/api/benchmarks/str-contains/comparison/bmf?runtimes=php,php-jit", "results", "viewer"),
            new Route("GET", "/api/benchmarks/str-contains/history?runtime=php", "results", "viewer"),
            new Route("PUT", "/api/benchmarks/str-contains/baseline?runtime=php&runId=" + RUN, "results", "operator"),
            new Route("DELETE", "/api/benchmarks/str-contains/baseline?runtime=php", "results", "operator"),
            new Route("PUT", "/api/benchmarks/str-contains/regression-threshold", "results", "operator"),
            new Route("DELETE", "/api/benchmarks/str-contains/regression-threshold", "results", "operator"),
            new Route("GET", "/api/schemas", "results", "viewer"),
            new Route("GET", "/api/schemas/97dd2b4ae0b79fd7", "results", "viewer"),
            new Route("GET", "/api/operations/dead-letters", "results", "viewer"),
            new Route(
                    "POST",
                    "/api/operations/dead-letters/benchpulse.benchmark-events.v1.dlt/replay",
                    "results",
                    "operator"),
            new Route("GET", "/api/matrices/" + RUN, "results", "viewer"),
            new Route("GET", "/api/benchmarks/str-contains/versions?baseline=php-7.4", "results", "viewer"),
            new Route("GET", "/api/speedups?from=php-7.4&to=php-8.5", "results", "viewer"),
            new Route("POST", "/api/matrices/" + RUN, "gateway", "admin"),
            new Route("POST", "/api/benchmarks/str-contains/something-new", "gateway", "admin"),
            new Route("GET", "/.well-known/mercure?topic=" + RunTopics.of(RUN), "hub", "viewer"),
            new Route("GET", "/", "page", "viewer"),
            new Route("GET", "/benchmarks/str-contains", "page", "viewer"),
            new Route("GET", "/benchmarks/str-contains/compare", "page", "viewer"),
            new Route("GET", "/benchmarks/str-contains/history", "page", "viewer"),
            new Route("GET", "/runs/" + RUN, "page", "viewer"),
            new Route("GET", "/runtimes", "page", "viewer"),
            new Route("GET", "/matrices/" + RUN, "page", "viewer"),
            new Route("GET", "/benchmarks/str-contains/versions", "page", "viewer"),
            new Route("GET", "/speedup", "page", "viewer"),
            new Route("GET", "/session", "gateway", "viewer"),
            new Route("GET", "/login", "page", "anyone"),
            new Route("GET", "/actuator/health", "gateway", "anyone"),
            new Route("GET", "/actuator/info", "gateway", "anyone"),
            new Route("GET", "/actuator/metrics", "gateway", "admin"),
            new Route("GET", "/actuator/env", "gateway", "admin"));

    record Route(String method, String path, String answeredBy, String leastRole) {

        boolean admits(String role) {
            return leastRole.equals("anyone") || ROLES.indexOf(role) >= ROLES.indexOf(leastRole);
        }

        boolean changesSomething() {
            return !method.equals("GET");
        }

        StubBackend backend() {
            return switch (answeredBy) {
                case "runner" -> RUNNER;
                case "results" -> RESULTS;
                case "hub" -> HUB;
                default -> null;
            };
        }
    }

    @DynamicPropertySource
    static void securedModeWithEveryBackendUp(DynamicPropertyRegistry registry) {
        Backends.register(registry);
        SecuredModeGateway.users(registry);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        Backends.reset();
    }

    static Stream<Arguments> everyRouteForEveryRole() {
        return ROUTES.stream().flatMap(route -> ROLES.stream().map(role -> Arguments.of(route, role)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRouteForEveryRole")
    void exactly_the_roles_at_or_above_the_least_role_get_through(Route route, String role) {
        WebTestClient.RequestBodySpec request =
                client.method(HttpMethod.valueOf(route.method())).uri(route.path());
        if (!role.equals("anonymous")) {
            request.headers(
                    h -> h.setBasicAuth(CREDENTIALS.get(role)[0], CREDENTIALS.get(role)[1]));
        }
        if (route.changesSomething()) {
            request.header(ApiHeaders.CLIENT, "test").contentType(MediaType.APPLICATION_JSON);
        }
        FluxExchangeResult<byte[]> result = (route.changesSomething()
                        ? request.bodyValue("{\"threshold\":0.05}")
                        : request)
                .exchange()
                .returnResult(byte[].class);
        HttpStatus status = HttpStatus.valueOf(result.getStatus().value());
        if (route.answeredBy().equals("hub") && status.is2xxSuccessful()) {
            result.getResponseBody().take(1).blockLast(Duration.ofSeconds(10));
        }

        if (route.admits(role)) {
            assertThat(status)
                    .as("%s lets %s through", route, role)
                    .isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN, HttpStatus.FOUND);
            if (route.backend() != null) {
                StubBackend.Received received = route.backend().last();
                assertThat(received.method() + " " + received.uri()).isEqualTo(route.method() + " " + route.path());
                if (route.path().startsWith("/api/")) {
                    assertThat(Tokens.identity(received).name())
                            .isEqualTo(CREDENTIALS.get(role)[0]);
                }
            }
        } else {
            // Someone not signed in is sent to the sign-in page, or asked to sign in; a write of theirs already
            // fails the CSRF check, which comes first.
            HttpStatus expected = !role.equals("anonymous") || route.changesSomething()
                    ? HttpStatus.FORBIDDEN
                    : route.answeredBy().equals("page") ? HttpStatus.FOUND : HttpStatus.UNAUTHORIZED;
            assertThat(status).as("%s turns %s away", route, role).isEqualTo(expected);
            if (route.backend() != null) {
                assertThat(route.backend().received())
                        .as("%s never reaches the %s", role, route.answeredBy())
                        .isEmpty();
            }
        }
    }
}
