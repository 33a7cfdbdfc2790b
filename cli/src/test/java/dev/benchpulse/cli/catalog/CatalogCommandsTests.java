package dev.benchpulse.cli.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.cli.CliResult;
import dev.benchpulse.cli.FakeBenchpulseApi;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CatalogCommandsTests {

    private final FakeBenchpulseApi api;

    CatalogCommandsTests() throws IOException {
        api = new FakeBenchpulseApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void list_prints_every_benchmark_with_its_category() {
        CliResult result = CliResult.run("list", "--url", api.url());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .containsPattern("benchmark +category +name +tags")
                .containsPattern("str-contains +strings +str contains +strings")
                .containsPattern("array-sort +arrays +array sort +sorting")
                .contains("2 benchmarks.");
    }

    @Test
    void list_filters_by_category() {
        CliResult result = CliResult.run("list", "--category", "arrays", "--url", api.url());

        assertThat(result.out()).contains("array-sort", "1 benchmark in arrays").doesNotContain("str-contains");
    }

    @Test
    void runtimes_says_which_are_available_and_why_not() {
        CliResult result = CliResult.run("runtimes", "--url", api.url());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .containsPattern("php +PHP 8.2 +8.2.36 +yes")
                .containsPattern("php-jit +PHP 8.2 \\+ JIT +8.2.36 +yes")
                .containsPattern("php-8.1 +PHP 8.1 \\(container\\) +- +no: docker: command not found");
    }

    @Test
    void calibrate_prints_the_suggested_inner_iterations_per_runtime() {
        CliResult result = CliResult.run("calibrate", "str-contains", "-r", "php", "--url", api.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.requests()).contains("POST /api/benchmarks/str-contains/calibrate?runtime=php");
        assertThat(api.clientHeaders())
                .as("no cross-site form: the servers refuse it without")
                .containsOnly("cli");
        assertThat(result.out())
                .contains("str-contains on php: 5000 inner iterations per sample", "sampleMillis: 201.3");
    }

    @Test
    void calibrate_an_unknown_benchmark_exits_2() {
        CliResult result = CliResult.run("calibrate", "nope", "--url", api.url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown benchmark 'nope'");
    }
}
