package dev.benchpulse.cli.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.cli.CliResult;
import dev.benchpulse.cli.FakeBenchpulseApi;

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
        assertThat(result.out()).containsPattern("php +30 +1\\.22 µs").containsPattern("php-jit +30 +970 ns")
                .contains("php vs php-jit: median ratio 1.258 [1.220, 1.300], p = 0.000100 -> slower");
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
