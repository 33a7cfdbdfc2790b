package dev.benchpulse.runner.run;

import static dev.benchpulse.runner.TestFixtures.JIT_SETTINGS;
import static dev.benchpulse.runner.TestFixtures.benchmark;
import static dev.benchpulse.runner.TestFixtures.execution;
import static dev.benchpulse.runner.TestFixtures.executor;
import static dev.benchpulse.runner.TestFixtures.local;
import static dev.benchpulse.runner.TestFixtures.runtime;
import static dev.benchpulse.runner.TestFixtures.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.runner.runtime.RuntimeProperties.Kind;
import dev.benchpulse.testsupport.Php;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness and the executor against real PHP processes. */
class SampleExecutorIntegrationTests {

    static PhpRuntime php;
    static PhpRuntime phpJit;
    static PhpRuntime phpJitOnStdin;
    final SampleExecutor executor = executor(execution(Duration.ofSeconds(5), "64M", null));

    @BeforeAll
    static void probeRuntimes() {
        php = runtime(local("php", List.of()));
        phpJit = runtime(local("php-jit", JIT_SETTINGS));
        phpJitOnStdin = runtime(
                spec("php-jit-stdin", Kind.CONTAINER, List.of(Php.binary().toString()), JIT_SETTINGS));
    }

    SampleOutcome run(PhpRuntime runtime, Benchmark benchmark) {
        return executor.run(runtime, benchmark, Cancellation.none());
    }

    SampleOutcome.Failed failure(String setup, String code, String teardown) {
        SampleOutcome outcome = run(php, benchmark(setup, code, teardown, 1, 10));
        assertThat(outcome).isInstanceOf(SampleOutcome.Failed.class);
        return (SampleOutcome.Failed) outcome;
    }

    @Nested
    class Measuring {

        @Test
        void reports_time_per_operation_memory_and_the_php_version() {
            SampleOutcome outcome =
                    run(php, benchmark("$data = range(1, 100);", "$s = array_sum($data);", "", 100, 10_000));

            assertThat(outcome).isInstanceOf(SampleOutcome.Measured.class);
            SampleOutcome.Measured measured = (SampleOutcome.Measured) outcome;
            assertThat(measured.report().innerIterations()).isEqualTo(10_000);
            assertThat(measured.nanosPerOperation()).isBetween(1.0, 1_000_000.0);
            assertThat(measured.report().peakMemoryBytes()).isGreaterThan(100_000);
            assertThat(measured.report().phpVersion()).isEqualTo(php.phpVersion());
            assertThat(measured.report().jit()).isFalse();
        }

        @Test
        void lets_setup_declare_functions_and_classes_that_code_uses() {
            SampleOutcome outcome =
                    run(php, benchmark("""
                    function double_it(int $x): int { return 2 * $x; }
                    final class Point { public function __construct(public int $x = 1) {} }
                    enum Suit { case Hearts; }
                    """, "$p = new Point(double_it(2));\n$s = Suit::Hearts;", "", 10, 1000));

            assertThat(outcome).isInstanceOf(SampleOutcome.Measured.class);
        }

        @Test
        void discards_what_the_benchmark_prints() {
            SampleOutcome outcome =
                    run(php, benchmark("", "echo str_repeat('x', 1000), \"\\n\";", "echo 'bye';", 0, 1000));

            assertThat(outcome).isInstanceOf(SampleOutcome.Measured.class);
        }

        @Test
        void a_flood_on_stdout_is_bounded_and_the_result_still_read() {
            SampleOutcome outcome = run(php, benchmark("", "fwrite(STDOUT, str_repeat('x', 1000));", "", 0, 10_000));

            assertThat(outcome).isInstanceOf(SampleOutcome.Measured.class);
        }

        @Test
        void measures_more_time_per_operation_for_more_work() {
            double cheap = ((SampleOutcome.Measured) run(php, benchmark("", "$x = 1 + 1;", "", 0, 100_000)))
                    .nanosPerOperation();
            double costly =
                    ((SampleOutcome.Measured) run(php, benchmark("", "usleep(100);", "", 0, 20))).nanosPerOperation();

            assertThat(costly).isGreaterThan(100 * cheap).isGreaterThan(100_000);
        }
    }

    @Nested
    class Opcache_and_jit {

        static final Benchmark HOT_LOOP =
                benchmark("", "$x = 0;\nfor ($j = 0; $j < 100; $j++) { $x += $j * 2; }", "", 200, 2000);

        @Test
        void the_jit_runtime_runs_the_harness_through_opcache_with_the_jit_compiling_it() {
            assertThat(phpJit.jit()).as("probe").isTrue();

            SampleOutcome.Measured measured = (SampleOutcome.Measured) run(phpJit, HOT_LOOP);

            assertThat(measured.report().opcached())
                    .as("harness file cached by opcache")
                    .isTrue();
            assertThat(measured.report().jit()).as("JIT on").isTrue();
            assertThat(measured.report().jitCodeBytes())
                    .as("machine code emitted by the JIT")
                    .isGreaterThan(0);
        }

        @Test
        void a_container_runtime_gets_the_harness_on_stdin_and_it_still_runs_through_opcache_and_the_jit() {
            SampleOutcome.Measured measured = (SampleOutcome.Measured) run(phpJitOnStdin, HOT_LOOP);

            assertThat(measured.report().opcached()).isTrue();
            assertThat(measured.report().jit()).isTrue();
            assertThat(measured.report().jitCodeBytes()).isGreaterThan(0);
        }

        @Test
        void the_plain_runtime_has_no_jit() {
            SampleOutcome.Measured measured = (SampleOutcome.Measured) run(php, HOT_LOOP);

            assertThat(php.jit()).isFalse();
            assertThat(measured.report().jit()).isFalse();
            assertThat(measured.report().jitCodeBytes()).isZero();
        }
    }

    @Nested
    class Script_errors {

        @Test
        void a_warning_is_an_error_reported_with_php_message_and_the_line_in_code() {
            SampleOutcome.Failed failed = failure("$a = [];", "$b = 1;\n$c = $a['missing'];", "");

            assertThat(failed.reason()).isEqualTo(FailureReason.SCRIPT_ERROR);
            assertThat(failed.section()).isEqualTo(Section.CODE);
            assertThat(failed.line()).isEqualTo(2);
            assertThat(failed.message()).contains("ErrorException", "Undefined array key \"missing\"", "code, line 2");
        }

        @Test
        void a_deprecation_is_not_an_error() {
            SampleOutcome outcome = run(php, benchmark("", "$x = utf8_encode('a');", "", 0, 100));

            assertThat(outcome).isInstanceOf(SampleOutcome.Measured.class);
        }

        @Test
        void an_exception_thrown_in_setup_names_setup_and_its_line() {
            SampleOutcome.Failed failed = failure("$a = 1;\n\nthrow new RuntimeException('no data');", "$b = 1;", "");

            assertThat(failed.reason()).isEqualTo(FailureReason.SCRIPT_ERROR);
            assertThat(failed.section()).isEqualTo(Section.SETUP);
            assertThat(failed.line()).isEqualTo(3);
            assertThat(failed.message()).contains("RuntimeException: no data");
        }

        @Test
        void a_parse_error_in_code_names_code_and_its_line() {
            SampleOutcome.Failed failed = failure("", "$a = 1;\n$b = ;", "");

            assertThat(failed.reason()).isEqualTo(FailureReason.SCRIPT_ERROR);
            assertThat(failed.section()).isEqualTo(Section.CODE);
            assertThat(failed.line()).isEqualTo(2);
            assertThat(failed.message()).contains("ParseError", "syntax error");
        }

        @Test
        void a_missing_semicolon_on_the_last_line_is_reported_on_that_line() {
            SampleOutcome.Failed failed = failure("", "$a = 1;\n$b = 2", "");

            assertThat(failed.section()).isEqualTo(Section.CODE);
            assertThat(failed.line()).isEqualTo(2);
        }

        @Test
        void an_error_in_teardown_names_teardown() {
            SampleOutcome.Failed failed = failure("", "$a = 1;", "intdiv(1, 0);");

            assertThat(failed.section()).isEqualTo(Section.TEARDOWN);
            assertThat(failed.line()).isEqualTo(1);
            assertThat(failed.message()).contains("DivisionByZeroError");
        }

        @Test
        void running_out_of_memory_is_a_fatal_error_with_the_line() {
            SampleOutcome.Failed failed = failure("", "$big = str_repeat('x', 100 * 1024 * 1024);", "");

            assertThat(failed.reason()).isEqualTo(FailureReason.SCRIPT_ERROR);
            assertThat(failed.message()).contains("Allowed memory size");
            assertThat(failed.section()).isEqualTo(Section.CODE);
            assertThat(failed.line()).isEqualTo(1);
        }

        @Test
        void exiting_early_is_reported_as_a_script_error() {
            SampleOutcome.Failed failed = failure("", "exit(3);", "");

            assertThat(failed.reason()).isEqualTo(FailureReason.SCRIPT_ERROR);
            assertThat(failed.message()).contains("exited with code 3 before reporting a result");
        }
    }

    @Nested
    class Other_failures {

        @Test
        void a_sample_over_the_timeout_fails_with_timeout_and_its_process_tree_is_killed() {
            SampleExecutor quick = executor(execution(Duration.ofSeconds(2), "64M", null));
            Benchmark runaway =
                    benchmark("$child = proc_open(['sleep', '300'], [], $pipes);", "while (true) {}", "", 0, 1);

            CompletableFuture<SampleOutcome> outcome =
                    CompletableFuture.supplyAsync(() -> quick.run(php, runaway, Cancellation.none()));
            List<ProcessHandle> tree =
                    await().atMost(Duration.ofSeconds(5)).until(ProcessTrees::phpWithSleepingChild, t -> !t.isEmpty());

            assertThat(outcome.join())
                    .isInstanceOfSatisfying(
                            SampleOutcome.Failed.class,
                            f -> assertThat(f.reason()).isEqualTo(FailureReason.TIMEOUT));
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(tree).noneMatch(ProcessHandle::isAlive));
        }

        @Test
        void cancelling_kills_the_running_process_and_fails_with_cancelled() {
            Cancellation cancellation = new Cancellation();
            Benchmark slow =
                    benchmark("$child = proc_open(['sleep', '300'], [], $pipes);", "usleep(1000);", "", 0, 100_000);

            CompletableFuture<SampleOutcome> outcome =
                    CompletableFuture.supplyAsync(() -> executor.run(php, slow, cancellation));
            List<ProcessHandle> tree =
                    await().atMost(Duration.ofSeconds(5)).until(ProcessTrees::phpWithSleepingChild, t -> !t.isEmpty());
            cancellation.cancel();

            assertThat(outcome.join())
                    .isInstanceOfSatisfying(
                            SampleOutcome.Failed.class,
                            f -> assertThat(f.reason()).isEqualTo(FailureReason.CANCELLED));
            assertThat(tree).noneMatch(ProcessHandle::isAlive);
        }

        @Test
        void a_runtime_whose_binary_is_missing_is_unavailable() {
            PhpRuntime missing = runtime(spec("missing", Kind.LOCAL, List.of("/nonexistent/bin/php"), List.of()));

            SampleOutcome outcome = run(missing, benchmark("", "$a = 1;", "", 0, 1));

            assertThat(outcome).isInstanceOfSatisfying(SampleOutcome.Failed.class, f -> {
                assertThat(f.reason()).isEqualTo(FailureReason.RUNTIME_UNAVAILABLE);
                assertThat(f.message()).contains("/nonexistent/bin/php");
            });
        }

        @Test
        void a_container_runtime_that_cannot_reach_php_is_unavailable() {
            PhpRuntime down = new PhpRuntime(
                    "down",
                    "down",
                    Kind.CONTAINER,
                    List.of(
                            "sh",
                            "-c",
                            "echo 'Error response from daemon: No such container: benchpulse-php-8.1' >&2; exit 1",
                            "sh"),
                    java.util.Map.of(),
                    true,
                    null,
                    "8.1.0",
                    false,
                    List.of(),
                    PhpRuntime.Origin.configured());

            SampleOutcome outcome = run(down, benchmark("", "$a = 1;", "", 0, 1));

            assertThat(outcome).isInstanceOfSatisfying(SampleOutcome.Failed.class, f -> {
                assertThat(f.reason()).isEqualTo(FailureReason.RUNTIME_UNAVAILABLE);
                assertThat(f.message()).contains("No such container");
            });
        }

        @Test
        void a_result_the_runner_cannot_read_is_an_internal_failure() {
            String garble =
                    Php.binary() + " \"$@\" > /dev/null; echo '{\"benchpulse\":\"result\",\"elapsedNanos\":\"soon\"}'";
            PhpRuntime liar = runtime(spec("liar", Kind.LOCAL, List.of("sh", "-c", garble, "sh"), List.of()));

            SampleOutcome outcome = run(liar, benchmark("", "$a = 1;", "", 0, 1));

            assertThat(outcome).isInstanceOfSatisfying(SampleOutcome.Failed.class, f -> {
                assertThat(f.reason()).isEqualTo(FailureReason.INTERNAL);
                assertThat(f.message()).contains("elapsedNanos");
            });
        }

        @Test
        void a_harness_file_that_cannot_be_written_is_an_internal_failure(@TempDir Path dir) throws Exception {
            Path notADirectory = Files.writeString(dir.resolve("file"), "x");
            SampleExecutor misconfigured = executor(execution(Duration.ofSeconds(5), "64M", notADirectory));

            SampleOutcome outcome = misconfigured.run(php, benchmark("", "$a = 1;", "", 0, 1), Cancellation.none());

            assertThat(outcome).isInstanceOfSatisfying(SampleOutcome.Failed.class, f -> {
                assertThat(f.reason()).isEqualTo(FailureReason.INTERNAL);
                assertThat(f.message()).contains("work-dir");
            });
        }
    }
}
