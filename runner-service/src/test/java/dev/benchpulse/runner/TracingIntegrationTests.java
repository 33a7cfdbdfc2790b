package dev.benchpulse.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.testsupport.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run is one trace through the runner: the trace of {@code POST /api/runs} (here begun by the caller, as the
 * gateway begins it) reaches the run-request record, the worker that executes the run, and every lifecycle event it
 * publishes, in W3C {@code traceparent} record headers, which results and the notifier continue; the worker's log
 * lines name the trace and the run.
 */
@RunnerIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TracingIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    WebTestClient client;

    @Test
    void the_request_the_worker_and_every_event_of_a_run_share_the_trace_of_its_http_request(CapturedOutput output)
            throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        try (TopicRecorder<String, RunRequested> requests = TopicRecorder.start(Topics.RUN_REQUESTS);
                TopicRecorder<String, SpecificRecord> events = TopicRecorder.start(Topics.BENCHMARK_EVENTS)) {
            byte[] accepted = client.post()
                    .uri("/api/runs")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(
                            "traceparent",
                            "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01")
                    .bodyValue("{\"benchmark\": \"sum-ints\", \"runtimes\": [\"php\"], \"iterations\": 2}")
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody()
                    .returnResult()
                    .getResponseBody();
            String runId = JsonMapper.builder()
                    .build()
                    .readTree(accepted)
                    .path("runs")
                    .get(0)
                    .path("id")
                    .asString();

            List<ConsumerRecord<String, RunRequested>> request =
                    requests.awaitRecords(r -> runId.equals(r.key()), 1, WAIT);
            List<ConsumerRecord<String, SpecificRecord>> lifecycle =
                    events.awaitRecords(r -> runId.equals(r.key()), 4, WAIT); // started, two progress, completed

            assertThat(traceIdOf(request.getFirst())).isEqualTo(traceId);
            assertThat(lifecycle).extracting(TracingIntegrationTests::traceIdOf).containsOnly(traceId);
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(output.getOut())
                            .containsPattern("\\[runner-service," + traceId + ",[0-9a-f]{16}," + runId + "] .*Run "
                                    + runId + " completed"));
        }
    }

    /** The trace id of a record's W3C {@code traceparent} header ({@code 00-<trace id>-<span id>-<flags>}). */
    private static String traceIdOf(ConsumerRecord<String, ?> record) {
        Header header = record.headers().lastHeader("traceparent");
        assertThat(header)
                .as("traceparent of %s", record.value().getClass().getSimpleName())
                .isNotNull();
        return new String(header.value(), StandardCharsets.US_ASCII).split("-")[1];
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
