package dev.benchpulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The oldest and the newest PHP version that {@code ./benchpulse php install} installs, compared through the whole
 * system: both offered as runtimes by the running stack, one benchmark run on both and compared by the CLI and the
 * per-version API, and a category run on both as one matrix. CI installs them first ({@code .ci/run}); elsewhere
 * these tests are skipped with the command that installs them.
 */
@ExtendWith(RunningStackExtension.class)
class PhpVersionsEndToEndIntegrationTests {

    static final String OLDEST = "php-7.4";
    static final String NEWEST = "php-8.5";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static String benchmark;

    @BeforeAll
    static void installed(RunningStack stack) throws Exception {
        List<String> available = new ArrayList<>();
        JSON.readTree(stack.get("/api/runtimes").body()).forEach(r -> {
            if (r.path("available").asBoolean(false)) {
                available.add(r.path("id").asString());
            }
        });
        Assumptions.assumeTrue(
                available.containsAll(List.of(OLDEST, NEWEST)),
                () -> "SKIPPED: PHP 7.4 and 8.5 are " + "not installed (available runtimes: " + available
                        + "); run ./benchpulse php install 7.4 8.5");
        for (JsonNode b : JSON.readTree(stack.get("/api/benchmarks").body())) {
            List<String> runtimes = new ArrayList<>();
            b.path("runtimes").forEach(r -> runtimes.add(r.asString()));
            if (benchmark == null && runtimes.containsAll(List.of(OLDEST, NEWEST))) {
                benchmark = b.path("slug").asString();
            }
        }
    }

    @Test
    void installed_versions_are_runtimes_with_their_exact_version_and_package(RunningStack stack) throws Exception {
        JsonNode runtimes = JSON.readTree(stack.get("/api/runtimes").body());
        assertThat(find(runtimes, OLDEST).path("phpVersion").asString()).isEqualTo("7.4.33");
        assertThat(find(runtimes, OLDEST).path("origin").path("npmPackage").asString())
                .isEqualTo("@libphp/amazon-linux-2-v74@0.0.21");
        assertThat(find(runtimes, NEWEST).path("phpVersion").asString()).isEqualTo("8.5.2");
        assertThat(find(runtimes, NEWEST + "-jit").path("jit").asBoolean()).isTrue();
        assertThat(find(runtimes, OLDEST + "-jit").isMissingNode())
                .as("7.4 has no JIT twin")
                .isTrue();
    }

    @Test
    void a_benchmark_runs_on_the_oldest_and_newest_version_and_is_compared_per_version(RunningStack stack)
            throws Exception {
        RunningStack.CliRun run = stack.cli("run", benchmark, "-r", OLDEST, "-r", NEWEST, "-n", "5");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "Running " + benchmark + " on " + OLDEST + ", " + NEWEST + " (5 samples each, "
                                + "interleaved)",
                        OLDEST + " vs " + NEWEST + ": median ratio");
        JsonNode versions = JSON.readTree(stack.get("/api/benchmarks/" + benchmark + "/versions?baseline=" + OLDEST)
                .body());
        assertThat(versions.path("baseline").asString()).isEqualTo(OLDEST);
        List<String> rows = new ArrayList<>();
        versions.path("rows")
                .forEach(r -> rows.add(r.path("runtime").asString() + " "
                        + r.path("phpVersion").asString()));
        assertThat(rows).contains(OLDEST + " 7.4.33", NEWEST + " 8.5.2");
        versions.path("rows").forEach(r -> {
            if (r.path("runtime").asString().equals(NEWEST)) {
                assertThat(r.path("ratio").path("medianRatio").isNumber()).isTrue();
                assertThat(r.path("ratio").path("verdict").asString())
                        .isIn("faster", "slower", "no-significant-difference");
            }
        });
    }

    @Test
    void a_category_runs_on_both_versions_as_one_matrix(RunningStack stack) {
        RunningStack.CliRun run = stack.cli("run", "--category", "dates", "-r", OLDEST, "-r", NEWEST, "-n", "2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("Running category dates:", "(interleaved; matrix ")
                .containsPattern("100\\.0 %  \\d+/\\d+ runs ended")
                .containsPattern("benchmark +" + OLDEST + " median +" + NEWEST + " median +" + NEWEST + " / " + OLDEST);
    }

    private static JsonNode find(JsonNode runtimes, String id) {
        for (JsonNode runtime : runtimes) {
            if (runtime.path("id").asString().equals(id)) {
                return runtime;
            }
        }
        return JSON.missingNode();
    }
}
