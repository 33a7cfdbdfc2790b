package dev.benchpulse.gateway.security;

import static dev.benchpulse.gateway.testing.Backends.RUNNER;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.gateway.testing.SecuredModeGateway;
import dev.benchpulse.gateway.testing.Tokens;
import dev.benchpulse.support.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.web.reactive.function.BodyInserters;

class SecuredModeIntegrationTests extends SecuredModeGateway {

    static final String RUN_REQUEST = "{\"benchmark\":\"str-contains\",\"runtimes\":[\"php\"],\"iterations\":5}";

    @Test
    void sends_a_visitor_who_is_not_signed_in_to_the_login_page_without_a_subscriber_cookie() {
        client.get()
                .uri("/")
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/login")
                .expectCookie()
                .doesNotExist("mercureAuthorization");
    }

    @Test
    void answers_the_api_and_the_event_stream_with_401_problems_when_not_signed_in() {
        client.get()
                .uri("/api/benchmarks")
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .doesNotExist("WWW-Authenticate");
        client.get()
                .uri("/.well-known/mercure?topic=x")
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(RUNNER.received()).isEmpty();
    }

    @Test
    void keeps_health_public() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void rejects_a_wrong_password() {
        String csrf = client.get()
                .uri("/login")
                .exchange()
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst("XSRF-TOKEN")
                .getValue();

        client.post()
                .uri("/login")
                .cookie("XSRF-TOKEN", csrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", "otto")
                        .with("password", "guess")
                        .with("_csrf", csrf))
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/login?error");
    }

    @Test
    void a_signed_in_viewer_watches_with_their_own_subscriber_cookie_but_may_not_start_runs() {
        Session vera = signIn("vera", VIEWER_PASSWORD);

        ResponseCookie cookie = vera.apply(client.get().uri("/"))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst("mercureAuthorization");
        assertThat(Tokens.verifiedClaims(cookie.getValue()).getSubject()).isEqualTo("vera");
        vera.apply(client.get().uri("/api/benchmarks"))
                .exchange()
                .expectStatus()
                .isOk();
        vera.apply(client.get().uri("/session"))
                .exchange()
                .expectBody()
                .jsonPath("$.user")
                .isEqualTo("vera")
                .jsonPath("$.canOperate")
                .isEqualTo(false);

        vera.apply(client.post()
                        .uri("/api/runs")
                        .header("X-XSRF-TOKEN", vera.csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(RUN_REQUEST))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Operator role required");
        assertThat(RUNNER.received())
                .extracting(r -> r.method() + " " + r.uri())
                .containsExactly("GET /api/benchmarks");
        vera.apply(client.post()
                        .uri("/api/operations/dead-letters/benchpulse.run-requests.v1.dlt/replay")
                        .header("X-XSRF-TOKEN", vera.csrf()))
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    void an_operator_starts_a_run_with_the_csrf_token_and_the_runner_learns_who_asked() {
        Session otto = signIn("otto", OPERATOR_PASSWORD);

        otto.apply(client.post()
                        .uri("/api/runs")
                        .header("X-XSRF-TOKEN", otto.csrf())
                        .header(ApiHeaders.UNSIGNED_USER, "mallory")
                        .header(ApiHeaders.IDENTITY, "mallory")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(RUN_REQUEST))
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(Tokens.identity(RUNNER.last()).name()).isEqualTo("otto");
        assertThat(Tokens.identity(RUNNER.last()).roles()).containsExactlyInAnyOrder(Role.VIEWER, Role.OPERATOR);
        assertThat(RUNNER.last().header(ApiHeaders.UNSIGNED_USER)).isNull();
        assertThat(RUNNER.last().body()).isEqualTo(RUN_REQUEST);
    }

    @Test
    void refuses_a_browser_request_that_changes_something_without_the_csrf_token() {
        Session otto = signIn("otto", OPERATOR_PASSWORD);

        otto.apply(client.delete()
                        .uri("/api/runs/5b0c3f4e-1d2a-4c55-9a43-3e1f0f6d8a10")
                        .header(ApiHeaders.CLIENT, "dashboard"))
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Missing or invalid CSRF token");
        otto.apply(client.post()
                        .uri("/api/runs")
                        .header("X-XSRF-TOKEN", "forged")
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(RUN_REQUEST))
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(RUNNER.received()).isEmpty();
    }

    @Test
    void a_script_signed_in_with_http_basic_gets_its_subscriber_cookie_from_the_dashboard_page() {
        // what the CLI's --user does to follow the hub in the secured mode
        ResponseCookie cookie = client.get()
                .uri("/")
                .headers(h -> h.setBasicAuth("vera", VIEWER_PASSWORD))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseCookies()
                .getFirst("mercureAuthorization");

        assertThat(cookie).isNotNull();
        assertThat(Tokens.verifiedClaims(cookie.getValue()).getSubject()).isEqualTo("vera");
    }

    @Test
    void a_script_with_http_basic_credentials_needs_no_csrf_token() {
        client.post()
                .uri("/api/runs")
                .headers(h -> h.setBasicAuth("otto", OPERATOR_PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(RUN_REQUEST)
                .exchange()
                .expectStatus()
                .isOk();

        assertThat(Tokens.identity(RUNNER.last()).name()).isEqualTo("otto");
        assertThat(RUNNER.last().header("Authorization"))
                .as("credentials stay at the gateway")
                .isNull();
    }

    @Test
    void signing_out_removes_the_subscriber_cookie() {
        Session vera = signIn("vera", VIEWER_PASSWORD);

        ResponseCookie cleared = vera.apply(client.post()
                        .uri("/logout")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(BodyInserters.fromFormData("_csrf", vera.csrf())))
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/login?logout")
                .returnResult(Void.class)
                .getResponseCookies()
                .getFirst("mercureAuthorization");

        assertThat(cleared.getValue()).isEmpty();
        assertThat(cleared.getMaxAge()).isZero();
    }
}
