package dev.benchpulse.gateway.limits;

import static dev.benchpulse.gateway.testing.Backends.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.gateway.testing.Backends;
import dev.benchpulse.gateway.testing.SecuredModeGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Starting runs, calibrating and signing in are rate limited per user (sign-in failures per address), and a
 * requester over a limit gets 429 with a problem and {@code Retry-After}. Small limits and long periods here, so
 * nothing refills during the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitIntegrationTests {

    static final String RUN_REQUEST = "{\"benchmark\":\"str-contains\",\"runtimes\":[\"php\"],\"iterations\":5}";

    @Autowired
    WebTestClient client;

    @DynamicPropertySource
    static void smallLimits(DynamicPropertyRegistry registry) {
        Backends.register(registry);
        SecuredModeGateway.users(registry);
        registry.add("benchpulse.limits.run-requests.capacity", () -> "2");
        registry.add("benchpulse.limits.run-requests.period", () -> "1h");
        registry.add("benchpulse.limits.calibrations.capacity", () -> "1");
        registry.add("benchpulse.limits.calibrations.period", () -> "1h");
        registry.add("benchpulse.limits.sign-in.capacity", () -> "2");
        registry.add("benchpulse.limits.sign-in.period", () -> "1h");
    }

    @BeforeEach
    void forgetEarlierRequests() {
        Backends.reset();
    }

    @Test
    @Order(1)
    void an_operator_over_the_run_limit_gets_429_with_retry_after_and_other_users_keep_theirs() {
        startRun("otto", SecuredModeGateway.OPERATOR_PASSWORD).expectStatus().isOk();
        startRun("otto", SecuredModeGateway.OPERATOR_PASSWORD).expectStatus().isOk();

        startRun("otto", SecuredModeGateway.OPERATOR_PASSWORD)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .value("Retry-After", value -> assertThat(Long.parseLong(value)).isBetween(1L, 3600L))
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Too many requests")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("2 run requests"));
        assertThat(RUNNER.received()).hasSize(2);

        startRun("ada", SecuredModeGateway.ADMIN_PASSWORD).expectStatus().isOk();
    }

    @Test
    @Order(2)
    void calibrations_have_their_own_limit() {
        calibrate().expectStatus().isOk();

        calibrate()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .exists("Retry-After");
        assertThat(RUNNER.received()).hasSize(1);
    }

    @Test
    @Order(3)
    void after_too_many_wrong_passwords_even_the_right_one_waits() {
        client.get()
                .uri("/api/benchmarks")
                .headers(h -> h.setBasicAuth("vera", "guess-1"))
                .exchange()
                .expectStatus()
                .isUnauthorized();
        client.get()
                .uri("/api/benchmarks")
                .headers(h -> h.setBasicAuth("vera", "guess-2"))
                .exchange()
                .expectStatus()
                .isUnauthorized();

        client.get()
                .uri("/api/benchmarks")
                .headers(h -> h.setBasicAuth("vera", SecuredModeGateway.VIEWER_PASSWORD))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("failed sign-ins"));
        assertThat(RUNNER.received()).isEmpty();
    }

    private WebTestClient.ResponseSpec startRun(String user, String password) {
        return client.post()
                .uri("/api/runs")
                .headers(h -> h.setBasicAuth(user, password))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(RUN_REQUEST)
                .exchange();
    }

    private WebTestClient.ResponseSpec calibrate() {
        return client.post()
                .uri("/api/benchmarks/str-contains/calibrate?runtime=php")
                .headers(h -> h.setBasicAuth("otto", SecuredModeGateway.OPERATOR_PASSWORD))
                .header(ApiHeaders.CLIENT, "test")
                .exchange();
    }
}
