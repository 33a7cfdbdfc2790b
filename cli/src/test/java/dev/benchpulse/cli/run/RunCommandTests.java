package dev.benchpulse.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.cli.CliResult;
import dev.benchpulse.cli.FakeBenchpulseApi;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RunCommandTests {

    private final FakeBenchpulseApi api;

    RunCommandTests() throws IOException {
        api = new FakeBenchpulseApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Runs the command asking the fake API every 20 ms instead of every 2 s: its runs advance per poll. */
    private static CliResult run(String... args) {
        String[] fast = Arrays.copyOf(args, args.length + 2);
        fast[args.length] = "--poll-interval";
        fast[args.length + 1] = "20";
        return CliResult.run(fast);
    }

    @Test
    void runs_on_two_runtimes_following_the_hub_then_prints_statistics_and_comparison() {
        // When
        CliResult result = run(
                "run",
                "str-contains",
                "--runtime",
                "php",
                "--runtime",
                "php-jit",
                "--iterations",
                "5",
                "--url",
                api.url());

        // Then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.runRequests()).singleElement().satisfies(request -> {
            assertThat(request.path("benchmark").asString()).isEqualTo("str-contains");
            assertThat(request.path("runtimes").toString()).isEqualTo("[\"php\",\"php-jit\"]");
            assertThat(request.path("iterations").asInt()).isEqualTo(5);
        });
        assertThat(api.streamRequests())
                .singleElement()
                .asString()
                .contains(
                        "topic=urn%3Abenchpulse%3Aruns%3A",
                        "lastEventID=earliest", "Bearer " + FakeBenchpulseApi.TOKEN);
        assertThat(result.out())
                .contains(
                        "Running str-contains on php, php-jit (5 samples each, interleaved)",
                        "php: completed",
                        "php-jit: completed");
        assertThat(result.out()).containsPattern("median +mean ± 95% CI +p90 +p99 +cv +outliers");
        assertThat(result.out())
                .containsPattern("php +5 +1\\.22 µs +1\\.23 µs ± 0\\.020 +1\\.35 µs +1\\.54 µs +3\\.0%");
        assertThat(result.out()).containsPattern("php-jit +5 +970 ns +980 ns ± 20\\.0");
        assertThat(result.out()).contains("php vs php-jit: median ratio 1.258 [1.220, 1.300], p = 0.000100 -> slower");
    }

    @Test
    void runs_a_category_on_two_runtimes_as_one_matrix_with_its_progress_then_a_table_of_medians() {
        // When
        CliResult result =
                run("run", "--category", "strings", "-r", "php", "-r", "php-jit", "-n", "3", "--url", api.url());

        // Then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.runRequests()).singleElement().satisfies(request -> {
            assertThat(request.path("category").asString()).isEqualTo("strings");
            assertThat(request.has("benchmark")).isFalse();
            assertThat(request.path("runtimes").toString()).isEqualTo("[\"php\",\"php-jit\"]");
        });
        assertThat(api.requests()).anyMatch(r -> r.startsWith("GET /api/matrices/"));
        assertThat(result.out())
                .contains("Running category strings: 1 benchmarks on php, php-jit, 2 runs of 3 "
                        + "samples (interleaved; matrix ");
        assertThat(result.out()).containsPattern("100\\.0 %  2/2 runs ended");
        assertThat(result.out()).containsPattern("benchmark +php median +php-jit median +php-jit / php");
        assertThat(result.out()).containsPattern("str-contains +[0-9.]+ .s +[0-9.]+ .s +0\\.[0-9]{2}");
    }

    @Test
    void a_matrix_with_an_incomplete_run_exits_4_and_shows_no_median_for_it() {
        // Given
        api.incompleteOn("php-jit");

        // When
        CliResult result =
                run("run", "--category", "strings", "-r", "php", "-r", "php-jit", "-n", "3", "--url", api.url());

        // Then
        assertThat(result.exitCode()).as(result.err()).isEqualTo(4);
        assertThat(result.out()).containsPattern("100\\.0 %  2/2 runs ended");
        assertThat(result.out()).containsPattern("str-contains +[0-9.]+ .s +incomplete");
        assertThat(result.err()).contains("1 of 2 runs did not complete: samples are missing", "./benchpulse dlt list");
    }

    @Test
    void a_benchmark_and_a_category_together_are_a_usage_error() {
        CliResult result = run("run", "str-contains", "--category", "strings", "--url", api.url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Name one benchmark, or run several with --category <category> or --all.");
    }

    @Test
    void follows_the_runs_by_polling_when_the_hub_refuses_a_subscription_without_token() {
        // Given: a gateway that hands out no subscriber cookie, and a hub that wants one
        api.withoutSubscriberToken();

        // When
        CliResult result = run("run", "str-contains", "-r", "php", "-n", "3", "--url", api.url());

        // Then
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.streamRequests()).singleElement().asString().endsWith(" null");
        assertThat(api.requests())
                .filteredOn(r -> r.startsWith("GET /api/runs/"))
                .hasSizeGreaterThanOrEqualTo(3);
        assertThat(result.out()).contains("php: completed").containsPattern("php +3 +1\\.22 µs");
    }

    @Test
    void a_failed_run_exits_1_with_its_reason_after_the_statistics_of_the_others() {
        // Given
        api.failingOn("php-jit");

        // When
        CliResult result = run("run", "str-contains", "-r", "php", "-r", "php-jit", "-n", "4", "--url", api.url());

        // Then
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).containsPattern("php +4 +1\\.22 µs").contains("php-jit: failed");
        assertThat(result.err())
                .contains(
                        "php-jit FAILED: SCRIPT_ERROR: PHP Parse error: syntax error (code, line 3)",
                        "1 of 2 runs did not complete.");
    }

    @Test
    void a_run_with_samples_missing_is_never_reported_completed_it_exits_4_naming_them() {
        // Given
        api.incompleteOn("php-jit");

        // When
        CliResult result = run("run", "str-contains", "-r", "php", "-r", "php-jit", "-n", "4", "--url", api.url());

        // Then
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.out()).containsPattern("php +4 +1\\.22 µs").contains("php-jit: incomplete");
        assertThat(result.err())
                .contains(
                        "php-jit INCOMPLETE: 1 of 4 samples missing (iterations 2)",
                        "./benchpulse dlt list",
                        "1 of 2 runs did not complete: samples are missing.");
    }

    @Test
    void an_unknown_benchmark_exits_2_naming_it() {
        CliResult result = run("run", "no-such-benchmark", "--url", api.url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown benchmark 'no-such-benchmark'", "./benchpulse list");
        assertThat(api.runRequests()).isEmpty();
    }

    @Test
    void an_unknown_runtime_exits_2_naming_it_and_the_known_ones() {
        CliResult result = run("run", "str-contains", "-r", "php-9", "--url", api.url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown runtime 'php-9'", "Known runtimes: php, php-jit, php-8.1");
        assertThat(api.runRequests()).isEmpty();
    }

    @Test
    void an_unavailable_runtime_exits_2_with_why() {
        CliResult result = run("run", "str-contains", "-r", "php-8.1", "--url", api.url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Runtime 'php-8.1' is not available: docker: command not found");
    }

    @Test
    void without_a_runtime_runs_on_every_available_one() {
        CliResult result = run("run", "array-sort", "-n", "2", "--url", api.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.runRequests())
                .singleElement()
                .satisfies(request ->
                        assertThat(request.path("runtimes").toString()).isEqualTo("[\"php\",\"php-jit\"]"));
    }

    @Test
    void json_output_holds_the_finished_runs_and_the_comparison() {
        CliResult result =
                run("run", "str-contains", "-r", "php", "-r", "php-jit", "-n", "2", "--json", "--url", api.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode document = JsonMapper.builder().build().readTree(result.out());
        assertThat(document.path("runs")).hasSize(2);
        assertThat(document.path("runs").get(0).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(document.path("runs")
                        .get(0)
                        .path("statistics")
                        .path("median")
                        .asDouble())
                .isEqualTo(1220.0);
        assertThat(document.path("comparison")
                        .path("pairs")
                        .get(0)
                        .path("verdict")
                        .asString())
                .isEqualTo("slower");
    }

    @Test
    void iterations_out_of_range_exit_2_before_anything_runs() {
        CliResult result = run("run", "str-contains", "-n", "0", "--url", api.url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--iterations must be between 1 and 10000");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void a_poll_interval_out_of_range_exits_2_before_anything_runs() {
        CliResult result = CliResult.run("run", "str-contains", "--poll-interval", "0", "--url", api.url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--poll-interval must be between 10 and 60000 ms, not 0.");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void an_unreachable_stack_exits_3_saying_how_to_start_it() {
        api.close();

        CliResult result = run("run", "str-contains", "--url", api.url());

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.err()).contains("Cannot reach Benchpulse at " + api.url(), "./benchpulse up");
    }
}
