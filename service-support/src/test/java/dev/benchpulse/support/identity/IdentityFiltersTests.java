package dev.benchpulse.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.support.problem.ProblemResponses;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

class IdentityFiltersTests {

    static final ProblemResponses PROBLEMS =
            new ProblemResponses(JsonMapper.builder().build());
    static final IdentityTokens TOKENS = new IdentityTokens(
            new IdentityProperties(IdentityTokensTests.KEY, null, Duration.ofSeconds(60)), Clock.systemUTC());
    static final Requester VERA = new Requester("vera", Role.VIEWER.withIncluded(), "192.0.2.5");
    static final Requester OTTO = new Requester("otto", Role.OPERATOR.withIncluded(), "192.0.2.7");

    /** Runs the filter; returns the requester the handler saw, or null when the filter answered itself. */
    static Requester through(WebFilter filter, MockServerWebExchange exchange) {
        AtomicReference<Requester> seen = new AtomicReference<>();
        filter.filter(exchange, e -> Mono.fromRunnable(() -> seen.set(Requester.of(e))))
                .block();
        return seen.get();
    }

    static MockServerHttpRequest.BaseBuilder<?> from(MockServerHttpRequest.BaseBuilder<?> request) {
        return request.remoteAddress(new InetSocketAddress("127.0.0.1", 50000));
    }

    @Nested
    class Cross_site_rule {

        final CrossSiteRequestFilter filter = new CrossSiteRequestFilter(PROBLEMS);

        @Test
        void refuses_a_form_post_and_a_bare_delete() {
            MockServerWebExchange form = MockServerWebExchange.from(
                    MockServerHttpRequest.post("/api/benchmarks/str-contains/calibrate?runtime=php")
                            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                            .body("x=1"));
            MockServerWebExchange text = MockServerWebExchange.from(MockServerHttpRequest.post("/api/runs")
                    .contentType(MediaType.TEXT_PLAIN)
                    .body("{\"benchmark\":\"x\"}"));
            MockServerWebExchange delete = MockServerWebExchange.from(MockServerHttpRequest.delete("/api/runs/1"));

            for (MockServerWebExchange exchange : new MockServerWebExchange[] {form, text, delete}) {
                assertThat(through(filter, exchange)).isNull();
                assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(exchange.getResponse().getHeaders().getContentType())
                        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
                assertThat(exchange.getResponse().getBodyAsString().block()).contains(ApiHeaders.CLIENT);
            }
        }

        @Test
        void lets_json_bodies_the_client_header_reads_and_non_api_paths_through() {
            assertThat(through(
                            filter,
                            MockServerWebExchange.from(MockServerHttpRequest.post("/api/runs")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body("{}"))))
                    .isNotNull();
            assertThat(through(
                            filter,
                            MockServerWebExchange.from(MockServerHttpRequest.post("/api/benchmarks/x/calibrate")
                                    .header(ApiHeaders.CLIENT, "cli"))))
                    .isNotNull();
            assertThat(through(filter, MockServerWebExchange.from(MockServerHttpRequest.get("/api/runs"))))
                    .isNotNull();
            assertThat(through(
                            filter,
                            MockServerWebExchange.from(MockServerHttpRequest.post("/login")
                                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                                    .body("username=a"))))
                    .isNotNull();
        }
    }

    @Nested
    class Open_mode {

        final RequesterWebFilter filter = new RequesterWebFilter(SecurityMode.OPEN, TOKENS, PROBLEMS);

        @Test
        void believes_a_signed_token_and_nothing_else() {
            MockServerWebExchange signed = MockServerWebExchange.from(
                    from(MockServerHttpRequest.get("/api/runs")).header(ApiHeaders.IDENTITY, TOKENS.mint(OTTO)));
            MockServerWebExchange plain = MockServerWebExchange.from(from(MockServerHttpRequest.get("/api/runs"))
                    .header(ApiHeaders.UNSIGNED_USER, "mallory")
                    .header(ApiHeaders.IDENTITY, "mallory"));

            assertThat(through(filter, signed)).isEqualTo(OTTO);
            assertThat(through(filter, plain)).isEqualTo(Requester.anonymous("127.0.0.1"));
        }

        @Test
        void works_without_a_key() {
            RequesterWebFilter keyless = new RequesterWebFilter(SecurityMode.OPEN, null, PROBLEMS);

            assertThat(through(
                            keyless,
                            MockServerWebExchange.from(from(MockServerHttpRequest.post("/api/runs"))
                                    .header(ApiHeaders.IDENTITY, TOKENS.mint(OTTO)))))
                    .isEqualTo(Requester.anonymous("127.0.0.1"));
        }
    }

    @Nested
    class Secured_mode {

        final RequesterWebFilter filter = new RequesterWebFilter(SecurityMode.SECURED, TOKENS, PROBLEMS);

        @Test
        void refuses_an_api_request_that_the_gateway_did_not_sign() {
            MockServerWebExchange plain = MockServerWebExchange.from(
                    from(MockServerHttpRequest.get("/api/runs")).header(ApiHeaders.UNSIGNED_USER, "otto"));

            assertThat(through(filter, plain)).isNull();
            assertThat(plain.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        }

        @Test
        void lets_a_viewer_read_but_not_change_and_an_operator_change() {
            MockServerWebExchange read = exchange(MockServerHttpRequest.get("/api/runs"), VERA);
            MockServerWebExchange viewerWrite =
                    exchange(MockServerHttpRequest.put("/api/benchmarks/x/regression-threshold"), VERA);
            MockServerWebExchange operatorWrite =
                    exchange(MockServerHttpRequest.put("/api/benchmarks/x/regression-threshold"), OTTO);

            assertThat(through(filter, read)).isEqualTo(VERA);
            assertThat(through(filter, viewerWrite)).isNull();
            assertThat(viewerWrite.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(through(filter, operatorWrite)).isEqualTo(OTTO);
        }

        @Test
        void leaves_health_checks_alone() {
            assertThat(through(filter, MockServerWebExchange.from(MockServerHttpRequest.get("/actuator/health"))))
                    .isNotNull();
        }

        @Test
        void does_not_start_without_a_key() {
            assertThatThrownBy(() -> new RequesterWebFilter(SecurityMode.SECURED, null, PROBLEMS))
                    .hasMessageContaining("BENCHPULSE_IDENTITY_KEY");
        }

        private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request, Requester who) {
            return MockServerWebExchange.from(from(request).header(ApiHeaders.IDENTITY, TOKENS.mint(who)));
        }
    }

    @Test
    void the_mode_is_read_in_any_case_and_a_typo_stops_the_service() {
        assertThat(SecurityMode.parse("Secured")).isEqualTo(SecurityMode.SECURED);
        assertThatThrownBy(() -> SecurityMode.parse("secure")).hasMessageContaining("use open or secured");
    }
}
