package dev.benchpulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.web.RunTopics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run is one trace across the services: requested through the gateway with a trace of the caller's, it is
 * executed, stored and relayed to the hub, and the spans the gateway, the runner, results and the notifier export
 * over OTLP (here to {@link OtlpSink}, as to Tempo in the compose profile {@code observability}) share that trace id.
 */
@ExtendWith(RunningStackExtension.class)
class TracingEndToEndIntegrationTests {

    @Test
    void the_spans_of_one_run_share_one_trace_from_the_gateway_to_the_hub_publish(RunningStack stack) throws Exception {
        CatalogChoice choice = CatalogChoice.of(stack);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        try (HubSubscription hub = HubSubscription.open(stack.gatewayUrl(), RunTopics.TEMPLATE)) {
            HttpResponse<String> accepted = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + "/api/runs"))
                                    .header("Content-Type", "application/json")
                                    .header(
                                            "traceparent",
                                            "00-" + traceId + "-"
                                                    + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "{\"benchmark\":\"" + choice.benchmark() + "\",\"runtimes\":[\""
                                                    + choice.runtimes().getFirst() + "\"],\"iterations\":3}"))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String runId = JsonMapper.builder()
                    .build()
                    .readTree(accepted.body())
                    .path("runs")
                    .get(0)
                    .path("id")
                    .asString();
            hub.awaitUpdates(
                    updates -> updates.stream()
                            .anyMatch(u -> runId.equals(u.path("runId").asString())
                                    && u.path("type").asString().equals("benchmark.completed")),
                    Duration.ofMinutes(3));
        }

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
            List<OtlpSink.ExportedSpan> trace = stack.traces().ofTrace(traceId);
            assertThat(trace)
                    .extracting(OtlpSink.ExportedSpan::service)
                    .contains("gateway-frontend", "runner-service", "results-service", "notifier-service");
            assertThat(trace).extracting(OtlpSink.ExportedSpan::name).contains("mercure publish");
        });
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
