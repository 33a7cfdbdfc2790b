package dev.benchpulse.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.testsupport.PrometheusScrape;
import org.junit.jupiter.api.Test;

/**
 * {@code /actuator/prometheus} exists on the results service and carries every meter docs/results.md names, under
 * its Prometheus name.
 */
class PrometheusEndpointIntegrationTests extends ResultsIntegrationTest {

    @Test
    void serves_the_ingest_meters_in_prometheus_format() {
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
                        "benchpulse_results_events_consumed_total",
                        "benchpulse_results_samples_stored_total",
                        "benchpulse_results_write_seconds_bucket",
                        "benchpulse_results_write_seconds_count",
                        "benchpulse_results_write_seconds_max");
        assertThat(PrometheusScrape.sampleNames(scrape)).containsAll(PrometheusScrape.promised("results-service"));
        assertThat(scrape)
                .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{.*group=\"benchpulse-results\"");
        assertThat(scrape)
                .contains(
                        "benchpulse_results_events_consumed_total{type=\"BenchmarkProgress\"}",
                        "benchpulse_results_events_consumed_total{type=\"RunRequested\"}");
    }
}
