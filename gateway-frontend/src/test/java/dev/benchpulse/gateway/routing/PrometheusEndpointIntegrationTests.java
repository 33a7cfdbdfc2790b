package dev.benchpulse.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.gateway.testing.OpenModeGateway;
import dev.benchpulse.testsupport.PrometheusScrape;
import org.junit.jupiter.api.Test;

/**
 * {@code /actuator/prometheus} exists on the gateway and carries the meters docs/dashboard.md names: requests
 * served, and requests proxied, by route.
 */
class PrometheusEndpointIntegrationTests extends OpenModeGateway {

    @Test
    void serves_request_meters_by_route_in_prometheus_format() {
        client.get().uri("/api/benchmarks").exchange().expectStatus().isOk();

        String scrape = client.get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        assertThat(PrometheusScrape.sampleNames(scrape))
                .contains(
                        "http_server_requests_seconds_count",
                        "spring_cloud_gateway_requests_seconds_count",
                        "spring_cloud_gateway_requests_seconds_sum",
                        "spring_cloud_gateway_routes_count");
        assertThat(PrometheusScrape.sampleNames(scrape)).containsAll(PrometheusScrape.promised("gateway-frontend"));
        assertThat(scrape)
                .containsPattern("(?m)^spring_cloud_gateway_requests_seconds_count\\{.*routeId=\"runner-catalog\"");
    }
}
