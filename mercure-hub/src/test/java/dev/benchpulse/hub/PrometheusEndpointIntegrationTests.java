package dev.benchpulse.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.testsupport.PrometheusScrape;
import dev.benchpulse.testsupport.SseRecorder;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * {@code /actuator/prometheus} exists on the hub and carries every meter docs/mercure-hub.md names, under its
 * Prometheus name, so an operator's scrape configuration finds them.
 */
class PrometheusEndpointIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void serves_the_hub_meters_in_prometheus_format() {
        MercureHubTestServer hub = TestHubs.open();
        try (SseRecorder subscriber = SubscribeIntegrationTests.subscribe(hub, TestHubs.topic())) {
            new Publisher(hub.hubUrl()).publishOk(hub.publisherToken(), "topic", TestHubs.topic());

            ResponseEntity<String> scrape = WebClient.create()
                    .get()
                    .uri(hub.baseUrl() + "/actuator/prometheus")
                    .exchangeToMono(r -> r.toEntity(String.class))
                    .block(WAIT);

            assertThat(scrape.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(scrape.getHeaders().getContentType().getType()).isEqualTo("text");
            assertThat(PrometheusScrape.sampleNames(scrape.getBody()))
                    .contains(
                            "mercure_subscribers",
                            "mercure_updates_published_total",
                            "mercure_updates_dispatched_total",
                            "mercure_updates_repeated_total",
                            "mercure_subscribers_slow_total",
                            "mercure_dispatch_latency_seconds_count",
                            "mercure_dispatch_latency_seconds_sum",
                            "mercure_dispatch_latency_seconds_max");
            assertThat(PrometheusScrape.sampleNames(scrape.getBody()))
                    .containsAll(PrometheusScrape.promised("mercure-hub"));
            assertThat(scrape.getBody()).containsPattern("(?m)^mercure_updates_published_total [1-9]");
        }
    }
}
