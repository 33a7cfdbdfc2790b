package dev.benchpulse.support.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One setting, {@code logging.structured.format.console} (environment variable
 * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE}, compose's {@code BENCHPULSE_LOG_FORMAT}), turns a service's logs into
 * JSON lines that carry the trace and the run; left blank, the logs stay Spring Boot's text lines.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTests {

    private static final Logger log = LoggerFactory.getLogger(StructuredLoggingTests.class);

    @Test
    void ecs_gives_json_lines_with_the_trace_id_and_the_run_id(CapturedOutput output) {
        UUID runId = UUID.randomUUID();

        logWhileHandling(runId, "ecs");

        String line = output.getOut()
                .lines()
                .filter(l -> l.contains("handling run " + runId))
                .findFirst()
                .orElseThrow();
        assertThat(line)
                .startsWith("{")
                .endsWith("}")
                .containsPattern("\"traceId\":\"[0-9a-f]{32}\"")
                .contains("\"runId\":\"" + runId + "\"")
                .contains("\"service\":{\"name\":\"json-logs\"");
    }

    @Test
    void a_blank_format_keeps_text_lines(CapturedOutput output) {
        UUID runId = UUID.randomUUID();

        logWhileHandling(runId, "");

        assertThat(output.getOut().lines().filter(l -> l.contains("handling run " + runId)))
                .singleElement()
                .asString()
                .doesNotStartWith("{");
    }

    private static void logWhileHandling(UUID runId, String format) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "spring.application.name=json-logs",
                        "logging.structured.format.console=" + format,
                        "benchpulse.kafka.create-topics=false",
                        "spring.kafka.admin.auto-create=false")
                .run()) {
            Observation.createNotStarted("run", context.getBean(ObservationRegistry.class))
                    .observe(() -> {
                        try (RunScope run = RunScope.enter(runId)) {
                            log.info("handling run {}", runId);
                        }
                    });
        }
    }

    @SpringBootApplication
    static class App {}
}
