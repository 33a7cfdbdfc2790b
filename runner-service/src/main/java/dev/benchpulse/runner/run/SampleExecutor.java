package dev.benchpulse.runner.run;

import static dev.benchpulse.contracts.avro.FailureReason.CANCELLED;
import static dev.benchpulse.contracts.avro.FailureReason.INTERNAL;
import static dev.benchpulse.contracts.avro.FailureReason.RUNTIME_UNAVAILABLE;

import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.process.ProcessResult;
import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.runner.runtime.RuntimeProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes one sample: renders the harness, runs it in a fresh PHP process of the runtime (the harness as a file for
 * local runtimes, on stdin for containers) and turns what happened into a {@link SampleOutcome}.
 */
public class SampleExecutor {

    private final HarnessTemplate template;
    private final ProcessRunner processes;
    private final Duration timeout;
    private final Path workDir;
    private final Map<String, String> baseIni;
    private final SampleMetrics metrics;

    public SampleExecutor(
            HarnessTemplate template,
            ProcessRunner processes,
            RunProperties.Execution settings,
            SampleMetrics metrics) {
        this.template = template;
        this.processes = processes;
        this.timeout = settings.sampleTimeout();
        this.workDir = settings.resolvedWorkDir();
        this.baseIni = baseIni(settings);
        this.metrics = metrics;
    }

    /** Runs one sample of {@code benchmark} (with its iteration counts) on {@code runtime}. */
    public SampleOutcome run(PhpRuntime runtime, Benchmark benchmark, Cancellation cancellation) {
        long start = System.nanoTime();
        SampleOutcome outcome = execute(runtime, benchmark, cancellation);
        metrics.record(runtime.id(), outcome, System.nanoTime() - start);
        return outcome;
    }

    /** The argv a sample of this runtime runs with; {@code harnessFile} is null for container runtimes. */
    public List<String> argv(PhpRuntime runtime, Path harnessFile) {
        List<String> args = harnessFile == null
                ? List.of("-r", template.driver())
                : List.of("-r", template.driver(), harnessFile.toString());
        return runtime.argv(baseIni, args);
    }

    private SampleOutcome execute(PhpRuntime runtime, Benchmark benchmark, Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            return SampleOutcome.Failed.of(CANCELLED, "Cancelled before the sample started");
        }
        if (!runtime.available()) {
            return SampleOutcome.Failed.of(
                    RUNTIME_UNAVAILABLE, "Runtime " + runtime.id() + " is unavailable: " + runtime.reason());
        }
        Harness harness = template.render(benchmark);
        Path file = null;
        try {
            byte[] stdin = new byte[0];
            if (runtime.kind() == RuntimeProperties.Kind.LOCAL) {
                file = write(harness);
            } else {
                stdin = harness.script().getBytes(StandardCharsets.UTF_8);
            }
            ProcessResult result = processes.run(argv(runtime, file), stdin, timeout, cancellation);
            return SampleOutcomes.of(result, harness, runtime, timeout);
        } catch (IOException e) {
            return SampleOutcome.Failed.of(
                    INTERNAL,
                    "Cannot write the harness file in " + workDir + ": " + e
                            + ". Point benchpulse.runner.execution.work-dir at a writable directory.");
        } finally {
            delete(file);
        }
    }

    private Path write(Harness harness) throws IOException {
        Path file = Files.createTempFile(workDir, "benchpulse-", ".php");
        Files.writeString(file, harness.script());
        return file;
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover temp file is harmless
            }
        }
    }

    private static Map<String, String> baseIni(RunProperties.Execution settings) {
        Map<String, String> ini = new LinkedHashMap<>();
        ini.put("display_errors", "stderr");
        ini.put("log_errors", "0");
        ini.put("html_errors", "0");
        ini.put("error_reporting", "-1");
        ini.put("memory_limit", settings.memoryLimit());
        // PHP stops itself a little after the runner's timeout, in case the kill cannot reach it (a container)
        ini.put("max_execution_time", Long.toString(settings.sampleTimeout().toSeconds() + 5));
        // opcache skips files younger than this many seconds; the harness file is brand new
        ini.put("opcache.file_update_protection", "0");
        return ini;
    }
}
