package dev.benchpulse.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.gateway.testing.OpenModeGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/**
 * What the gateway answers where nothing handles a request: a dashboard page for people, an RFC 9457 problem for
 * the API and other clients; never Spring's "Whitelabel Error Page".
 */
class ErrorPagesIntegrationTests extends OpenModeGateway {

    @Autowired
    ErrorPages errorPages;

    @Test
    void a_failure_is_a_500_page_or_problem_that_tells_nothing_of_its_cause() {
        MockServerWebExchange page =
                MockServerWebExchange.from(MockServerHttpRequest.get("/runs/1").accept(MediaType.TEXT_HTML));
        errorPages.handle(page, new IllegalStateException("secret detail")).block();
        assertThat(page.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(page.getResponse().getBodyAsString().block())
                .contains("Something went wrong", "dashboard.css")
                .doesNotContain("secret detail", "Whitelabel");

        MockServerWebExchange problem = MockServerWebExchange.from(MockServerHttpRequest.get("/api/runs/1"));
        errorPages.handle(problem, new IllegalStateException("secret detail")).block();
        assertThat(problem.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(problem.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(problem.getResponse().getBodyAsString().block())
                .contains("\"status\":500")
                .doesNotContain("secret detail");
    }

    @Test
    void an_unknown_page_is_a_404_page_in_the_dashboards_look() {
        String page = client.get()
                .uri("/benchmarks/str-contains/no-such-view")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(page)
                .contains(
                        "<title>Page not found · Benchpulse</title>",
                        "/assets/css/dashboard.css",
                        "<h1 id=\"title\">Page not found</h1>",
                        "href=\"/\"")
                .doesNotContain("Whitelabel");
    }

    @Test
    void an_unknown_api_path_is_a_404_problem() {
        client.get()
                .uri("/api/no-such-thing")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404);
    }

    @Test
    void a_client_that_does_not_ask_for_html_gets_a_problem_for_an_unknown_address() {
        client.get()
                .uri("/no-such-page")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Page not found")
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail).contains("GET /no-such-page"));
        client.get()
                .uri("/assets/js/no-such-script.js")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void other_errors_are_no_whitelabel_page_either() {
        String page = client.put()
                .uri("/actuator/health")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(page)
                .contains("Method Not Allowed", "/assets/css/dashboard.css")
                .doesNotContain("Whitelabel");

        client.put()
                .uri("/actuator/health")
                .accept(MediaType.APPLICATION_JSON)
                .exchange()
                .expectStatus()
                .isEqualTo(405)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(405);
    }
}
