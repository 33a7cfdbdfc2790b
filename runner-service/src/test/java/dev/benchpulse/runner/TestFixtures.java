package dev.benchpulse.runner;

import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.execution.SampleExecutor;
import dev.benchpulse.runner.execution.SampleMetrics;
import dev.benchpulse.runner.harness.HarnessTemplate;
import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.runner.system.RunnerProperties;
import dev.benchpulse.runner.system.RunnerProperties.Kind;
import dev.benchpulse.runner.system.RunnerProperties.RuntimeSpec;
import dev.benchpulse.testsupport.Php;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.util.unit.DataSize;

/** Runtimes, executors and benchmarks for tests that run real PHP without a Spring context. */
public final class TestFixtures {

    public static final List<String> JIT_SETTINGS = List.of("opcache.enable_cli=1", "opcache.jit=tracing",
            "opcache.jit_buffer_size=64M");

    private TestFixtures() {
    }

    public static RuntimeSpec local(String id, List<String> settings) {
        return new RuntimeSpec(id, id, List.of(Php.binary().toString()), settings, Kind.LOCAL);
    }

    public static RuntimeSpec spec(String id, Kind kind, List<String> command, List<String> settings) {
        return new RuntimeSpec(id, id, command, settings, kind);
    }

    public static RunnerProperties.Execution execution(Duration timeout, String memoryLimit, Path workDir) {
        return new RunnerProperties.Execution(timeout, memoryLimit, DataSize.ofKilobytes(64), Duration.ofSeconds(15),
                workDir);
    }

    public static RunnerProperties properties(RunnerProperties.Execution execution, RuntimeSpec... runtimes) {
        return new RunnerProperties(Path.of("benchmarks"), "test", execution,
                new RunnerProperties.Worker(true, 1, Duration.ofHours(1), Duration.ofHours(1)), List.of(runtimes));
    }

    /** Probes the given runtimes (real processes). */
    public static Runtimes runtimes(RuntimeSpec... specs) {
        RunnerProperties properties = properties(execution(Duration.ofSeconds(10), "128M", null), specs);
        return new Runtimes(properties, new ProcessRunner(64 * 1024), Clock.systemUTC());
    }

    public static PhpRuntime runtime(RuntimeSpec spec) {
        return runtimes(spec).find(spec.id()).orElseThrow();
    }

    public static SampleExecutor executor(RunnerProperties.Execution execution) {
        return new SampleExecutor(HarnessTemplate.standard(), new ProcessRunner((int) execution.maxOutput().toBytes()),
                execution, new SampleMetrics(new SimpleMeterRegistry()));
    }

    /** PHP_VERSION of the local PHP. */
    public static String localPhpVersion() {
        return runtime(local("php", List.of())).phpVersion();
    }

    public static Benchmark benchmark(String setup, String code, String teardown, int warmup, int inner) {
        return new Benchmark("test-benchmark", "Test benchmark", "tests", "tests", "A benchmark for tests",
                List.of("tests"), null, warmup, inner, setup, code, teardown);
    }
}
