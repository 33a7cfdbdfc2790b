package dev.benchpulse.launcher.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.launcher.e2e.RunningStack;
import dev.benchpulse.launcher.e2e.RunningStackExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fault drill (docs/reliability.md): for each fault, a benchmark of 200 samples on two runtimes while a
 * browser-like subscriber watches, on the real local stack; after the fault, both runs are COMPLETED with every
 * sample stored exactly once, their statistics equal a recomputation from the stored samples, the subscriber got
 * their completed updates, and no dead-letter topic holds anything but the drill's poison records. The faults come
 * from the system property {@code benchpulse.drill} (ids separated by commas, or {@code all}); CI runs the
 * PostgreSQL outage and the runner kill, the {@code drill} Maven profile runs them all. Each drill's line goes to
 * {@code target/drill/report.md}.
 */
@ExtendWith(RunningStackExtension.class)
class FaultDrillIntegrationTests {

    private static final Path REPORT = Path.of("target", "drill", "report.md");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static List<String> runtimes;

    @BeforeAll
    static void runtimes(RunningStack stack) throws Exception {
        List<String> available = new ArrayList<>();
        JSON.readTree(stack.get("/api/runtimes").body()).forEach(r -> {
            if (r.path("available").asBoolean(false)) {
                available.add(r.path("id").asString());
            }
        });
        assertThat(available).as("available runtimes (is php installed?)").hasSizeGreaterThanOrEqualTo(2);
        runtimes = available.subList(0, 2);
        JsonNode benchmark =
                JSON.readTree(stack.get("/api/benchmarks/" + Drill.BENCHMARK).body());
        assertThat(benchmark.path("slug").asString()).isEqualTo(Drill.BENCHMARK);
        Files.createDirectories(REPORT.getParent());
        if (!Files.exists(REPORT)) {
            Files.writeString(REPORT, DrillResult.tableHeader() + "\n");
        }
    }

    static List<Fault> faults() {
        return Fault.selected(System.getProperty("benchpulse.drill"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faults")
    void nothing_is_lost_and_nothing_stays_stuck(Fault fault, RunningStack stack) throws Exception {
        DrillResult result = new Drill(stack, fault, runtimes).run();

        report(result);
        assertThat(result.runs()).hasSize(2);
        assertThat(result.lost(Drill.ITERATIONS))
                .as(result.tableRow(Drill.ITERATIONS))
                .isEmpty();
    }

    private static void report(DrillResult result) throws IOException {
        Files.writeString(REPORT, result.tableRow(Drill.ITERATIONS) + "\n", StandardOpenOption.APPEND);
    }
}
