package dev.benchpulse.results.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.results.ResultsIntegrationTest;
import dev.benchpulse.support.identity.IdentityProperties;
import dev.benchpulse.support.identity.IdentityTokens;
import dev.benchpulse.support.identity.Requester;
import dev.benchpulse.support.identity.Role;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

/**
 * The results service in the secured mode believes only identities the gateway signed: a request that reaches it
 * directly, with or without a plain user header, gets nothing; a viewer reads; only an operator changes a threshold.
 */
@TestPropertySource(
        properties = {"benchpulse.security.mode=secured", "benchpulse.identity.key=" + SecuredModeIntegrationTests.KEY})
class SecuredModeIntegrationTests extends ResultsIntegrationTest {

    static final String KEY = "results-test-identity-key-0123456789abcdef0123";
    static final IdentityTokens GATEWAY =
            new IdentityTokens(new IdentityProperties(KEY, null, Duration.ofSeconds(60)), Clock.systemUTC());
    static final String VIEWER = GATEWAY.mint(new Requester("vera", Role.VIEWER.withIncluded(), "192.0.2.5"));
    static final String OPERATOR = GATEWAY.mint(new Requester("otto", Role.OPERATOR.withIncluded(), "192.0.2.7"));

    @Test
    void a_request_the_gateway_did_not_sign_gets_nothing() {
        client.get()
                .uri("/api/runs")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.get()
                .uri("/api/runs")
                .header(ApiHeaders.UNSIGNED_USER, "otto")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        client.get()
                .uri("/api/runs")
                .header(ApiHeaders.IDENTITY, "otto")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        String foreign = new IdentityTokens(
                        new IdentityProperties(
                                "someone-elses-key-0123456789abcdef0123456", null, Duration.ofSeconds(60)),
                        Clock.systemUTC())
                .mint(new Requester("otto", Role.ADMIN.withIncluded(), "192.0.2.7"));
        client.get()
                .uri("/api/runs")
                .header(ApiHeaders.IDENTITY, foreign)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void a_viewer_reads_and_only_an_operator_changes_a_threshold() {
        storeCompleted("secured-threshold", "php-8.2", 10, 11, 12);

        client.get()
                .uri("/api/runs?benchmark=secured-threshold")
                .header(ApiHeaders.IDENTITY, VIEWER)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(1);
        client.put()
                .uri("/api/benchmarks/secured-threshold/regression-threshold")
                .header(ApiHeaders.IDENTITY, VIEWER)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("threshold", 0.05))
                .exchange()
                .expectStatus()
                .isForbidden();
        client.put()
                .uri("/api/benchmarks/secured-threshold/regression-threshold")
                .header(ApiHeaders.IDENTITY, OPERATOR)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("threshold", 0.05))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.threshold")
                .isEqualTo(0.05);
    }

    @Test
    void a_cross_site_form_changes_nothing_even_with_a_valid_identity() {
        storeCompleted("secured-form", "php-8.2", 10, 11, 12);

        client.mutate()
                .defaultHeaders(h -> h.remove(ApiHeaders.CLIENT))
                .build()
                .delete()
                .uri("/api/benchmarks/secured-form/regression-threshold")
                .header(ApiHeaders.IDENTITY, OPERATOR)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains(ApiHeaders.CLIENT));
    }
}
