package dev.benchpulse.notifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.testsupport.RunEvents;
import dev.benchpulse.testsupport.SseRecorder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notifier continues a run's trace from the events' {@code traceparent} headers (as the runner sends them) to
 * the hub: each event's record is a span of that trace, and each publish to the hub a child of the span of the event
 * it came from, also when the relay sends it later from another thread (paced progress, the terminal update).
 */
class TracingIntegrationTests extends NotifierIntegrationTest {

    @Autowired
    RecordedSpans recorded;

    @Test
    void every_publish_of_a_run_is_a_child_of_its_event_s_span_in_the_trace_the_events_carry() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        RunEvents run = RunEvents.of("traced", "php-8.2", 5);
        try (SseRecorder browser = subscribe(topicOf(run))) {
            send(run, traceId, run.started());
            for (int i = 0; i < 5; i++) {
                send(run, traceId, run.progress(100));
            }
            send(run, traceId, run.completed());
            burst.flush();
            browser.awaitEvents(e -> e.data().contains("benchmark.completed"), 1, TIMEOUT);
        }

        await().atMost(TIMEOUT).untilAsserted(() -> {
            List<SpanData> trace = recorded.ofTrace(traceId);
            List<SpanData> received =
                    trace.stream().filter(s -> s.getKind() == SpanKind.CONSUMER).toList();
            List<SpanData> published = trace.stream()
                    .filter(s -> s.getName().equals("mercure publish"))
                    .toList();
            assertThat(received).hasSize(7);
            assertThat(published)
                    .hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(publish -> assertThat(publish.getKind()).isEqualTo(SpanKind.CLIENT));
            Set<String> receivedIds = received.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
            assertThat(published).extracting(SpanData::getParentSpanId).allMatch(receivedIds::contains);
            assertThat(published)
                    .extracting(span -> span.getAttributes().asMap().toString())
                    .anyMatch(attributes -> attributes.contains("COMPLETED"));
        });
    }

    private static void send(RunEvents run, String traceId, SpecificRecord event) {
        ProducerRecord<String, SpecificRecord> record =
                new ProducerRecord<>(Topics.BENCHMARK_EVENTS.name(), run.key(), event);
        String parent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";
        record.headers().add("traceparent", parent.getBytes(StandardCharsets.US_ASCII));
        burst.send(record);
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
