package dev.benchpulse.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.testsupport.PrometheusScrape;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /actuator/prometheus} exists on the notifier and carries every meter docs/notifier.md names, under its
 * Prometheus name.
 */
class PrometheusEndpointIntegrationTests extends NotifierIntegrationTest {

    @Autowired
    WebTestClient client;

    @Test
    void serves_the_notifier_meters_in_prometheus_format() {
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
                        "benchpulse_notifier_updates_published_total",
                        "benchpulse_notifier_updates_coalesced_total",
                        "benchpulse_notifier_updates_retried_total",
                        "benchpulse_notifier_updates_failed_total",
                        "benchpulse_notifier_publish_latency_seconds_bucket",
                        "benchpulse_notifier_publish_latency_seconds_count",
                        "benchpulse_notifier_runs_active",
                        "benchpulse_notifier_progress_limit");
        assertThat(PrometheusScrape.sampleNames(scrape)).containsAll(PrometheusScrape.promised("notifier-service"));
        assertThat(scrape)
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{.*group=\"benchpulse-notifier\"");
        assertThat(scrape)
                .contains(
                        "benchpulse_notifier_updates_published_total{type=\"benchmark.progress\"}",
                        "benchpulse_notifier_publish_latency_seconds_count{outcome=\"success\"}");
    }
}
