package dev.benchpulse.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.cli.CliResult;
import dev.benchpulse.cli.FakeBenchpulseApi;
import dev.benchpulse.cli.api.ApiClient;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompareCommandTests {

    private final FakeBenchpulseApi api;

    CompareCommandTests() throws IOException {
        api = new FakeBenchpulseApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void prints_each_runtime_statistics_and_the_verdict() {
        CliResult result = CliResult.run("compare", "str-contains", "-r", "php", "-r", "php-jit", "--url", api.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.requests()).contains("GET /api/benchmarks/str-contains/comparison?runtimes=php%2Cphp-jit");
        assertThat(result.out())
                .containsPattern("php +30 +1\\.22 µs")
                .containsPattern("php-jit +30 +970 ns")
                .contains("php vs php-jit: median ratio 1.258 [1.220, 1.300], p = 0.000100 -> slower");
    }

    @Test
    void a_runtime_whose_newest_run_is_incomplete_is_named_and_the_exit_code_is_4() {
        api.newestRun(
                "php-jit",
                ApiClient.JSON
                        .createObjectNode()
                        .put("id", "r-9")
                        .put("runtime", "php-jit")
                        .put("status", "INCOMPLETE")
                        .put("samplesTaken", 30)
                        .set(
                                "missingIterations",
                                ApiClient.JSON.createArrayNode().add(7).add(19)));

        CliResult result = CliResult.run("compare", "str-contains", "-r", "php", "-r", "php-jit", "--url", api.url());

        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.out()).contains("php vs php-jit");
        assertThat(result.err())
                .contains("php-jit: the newest run r-9 is INCOMPLETE and is not compared: "
                        + "2 of 30 samples missing (iterations 7, 19)");
    }

    @Test
    void one_runtime_is_not_a_comparison() {
        CliResult result = CliResult.run("compare", "str-contains", "-r", "php", "--url", api.url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("A comparison needs two runtimes or more");
    }

    @Test
    void an_unknown_runtime_exits_2_naming_it() {
        CliResult result = CliResult.run("compare", "str-contains", "-r", "php", "-r", "hhvm", "--url", api.url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown runtime 'hhvm'");
    }
}
