package dev.benchpulse.notifier.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.testsupport.RunEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class UpdateDataJsonTests {

    private static final List<String> COMMON_KEYS = List.of(
            "type",
            "benchmarkId",
            "benchmarkName",
            "phpVersion",
            "currentIteration",
            "totalIterations",
            "progress",
            "timestamp",
            "runId",
            "runtime",
            "occurredAt");

    private final JsonMapper json = JsonMapper.builder().build();
    private final RunEvents run = RunEvents.of("array-sum", "php-8.2-jit", 2);
    private final RunState state = new RunState();
    private final Instant sentAt = Instant.parse("2026-11-02T10:15:30.123Z");

    @Test
    void a_started_update_has_exactly_the_dashboard_keys_in_order() {
        JsonNode data = serialize(state.next(run.started()));

        assertThat(data.propertyNames()).containsExactlyElementsOf(COMMON_KEYS);
        assertThat(data.get("timestamp").asString()).isEqualTo("2026-11-02T10:15:30.123Z");
        assertThat(data.get("occurredAt").isIntegralNumber()).isTrue();
    }

    @Test
    void a_progress_update_adds_the_statistics() {
        state.next(run.started());
        state.next(run.progress(1500.0));

        JsonNode data = serialize(state.next(run.progress(2500.0)));

        assertThat(data.propertyNames()).containsExactlyElementsOf(concat(COMMON_KEYS, List.of("statistics")));
        JsonNode statistics = data.get("statistics");
        assertThat(statistics.propertyNames()).containsExactly("n", "mean", "median", "ci95", "min", "max");
        assertThat(statistics.get("n").asLong()).isEqualTo(2);
        assertThat(statistics.get("mean").asDouble()).isEqualTo(2000.0);
        assertThat(statistics.get("ci95").propertyNames()).containsExactly("low", "high");
    }

    @Test
    void the_first_progress_update_has_a_null_interval() {
        state.next(run.started());

        JsonNode data = serialize(state.next(run.progress(1500.0)));

        assertThat(data.get("statistics").get("ci95").isNull()).isTrue();
    }

    @Test
    void a_failed_update_adds_reason_and_message() {
        JsonNode data = serialize(state.next(run.failed(FailureReason.SCRIPT_ERROR, "Parse error on line 3")));

        assertThat(data.propertyNames()).containsExactlyElementsOf(concat(COMMON_KEYS, List.of("reason", "message")));
        assertThat(data.get("reason").asString()).isEqualTo("SCRIPT_ERROR");
        assertThat(data.get("totalIterations").isNull()).isTrue();
    }

    private JsonNode serialize(MercureUpdate update) {
        return json.readTree(json.writeValueAsString(update.data().sentAt(sentAt)));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
