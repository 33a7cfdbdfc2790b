package dev.benchpulse.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.testsupport.PrometheusScrape;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * {@code /actuator/prometheus} exists on the runner and carries every meter docs/runner.md names, under its
 * Prometheus name, once the runner has completed a run and failed one (a PHP error).
 */
@RunnerIntegrationTest
class PrometheusEndpointIntegrationTests {

    @Autowired
    WebTestClient client;

    @Test
    void serves_the_run_and_sample_meters_in_prometheus_format() {
        request("sum-ints");
        request("undefined-variable");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
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
                            "benchpulse_runner_runs_active",
                            "benchpulse_runner_runs_completed_total",
                            "benchpulse_runner_runs_failed_total",
                            "benchpulse_runner_samples_total",
                            "benchpulse_runner_sample_duration_seconds_count",
                            "benchpulse_runner_sample_duration_seconds_sum",
                            "benchpulse_runner_sample_duration_seconds_max");
            assertThat(PrometheusScrape.sampleNames(scrape)).containsAll(PrometheusScrape.promised("runner-service"));
            assertThat(scrape)
                    .containsPattern("kafka_consumer_fetch_manager_records_lag_max\\{.*group=\"benchpulse-runner\"");
            assertThat(scrape)
                    .contains("benchpulse_runner_runs_failed_total{reason=\"SCRIPT_ERROR\"}")
                    .containsPattern("benchpulse_runner_samples_total\\{.*outcome=\"measured\"");
        });
    }

    private void request(String benchmark) {
        client.post()
                .uri("/api/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"benchmark\": \"" + benchmark + "\", \"runtimes\": [\"php\"], \"iterations\": 1}")
                .exchange()
                .expectStatus()
                .isAccepted();
    }
}
