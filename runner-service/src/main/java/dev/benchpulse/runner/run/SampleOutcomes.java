package dev.benchpulse.runner.run;

import static dev.benchpulse.contracts.avro.FailureReason.CANCELLED;
import static dev.benchpulse.contracts.avro.FailureReason.INTERNAL;
import static dev.benchpulse.contracts.avro.FailureReason.RUNTIME_UNAVAILABLE;
import static dev.benchpulse.contracts.avro.FailureReason.SCRIPT_ERROR;
import static dev.benchpulse.contracts.avro.FailureReason.TIMEOUT;

import dev.benchpulse.runner.process.ProcessResult;
import dev.benchpulse.runner.runtime.PhpRuntime;
import java.time.Duration;

/** Turns how a sample's process ended, and what it reported, into a {@link SampleOutcome}. */
final class SampleOutcomes {

    private static final int MAX_DIAGNOSTIC = 1000;

    private SampleOutcomes() {}

    static SampleOutcome of(ProcessResult result, Harness harness, PhpRuntime runtime, Duration timeout) {
        return switch (result.ending()) {
            case NOT_STARTED ->
                SampleOutcome.Failed.of(
                        RUNTIME_UNAVAILABLE,
                        "Cannot start `" + runtime.commandLine() + "`: " + result.startFailure()
                                + ". Check the runtime's command (GET /api/runtimes says more).");
            case TIMED_OUT ->
                SampleOutcome.Failed.of(
                        TIMEOUT,
                        "The sample did not finish within "
                                + timeout.toSeconds()
                                + " s and was killed with its child processes. Lower innerIterations (POST "
                                + "/api/benchmarks/{slug}/calibrate suggests a value) or raise benchpulse.runner.execution.sample-timeout.");
            case CANCELLED ->
                SampleOutcome.Failed.of(
                        CANCELLED, "Cancelled while a sample was running; its PHP process " + "was killed.");
            case EXITED -> exited(result, HarnessReport.parse(result.stdout(), harness.sourceMap()), runtime);
        };
    }

    private static SampleOutcome exited(ProcessResult result, HarnessReport report, PhpRuntime runtime) {
        return switch (report) {
            case HarnessReport.Measured measured -> new SampleOutcome.Measured(measured, result.wallNanos());
            case HarnessReport.ScriptError error ->
                new SampleOutcome.Failed(
                        SCRIPT_ERROR,
                        error.describe(),
                        error.position().map(p -> p.section()).orElse(null),
                        error.position().map(p -> p.line()).orElse(null));
            case HarnessReport.Missing missing
            when !missing.started() ->
                SampleOutcome.Failed.of(
                        RUNTIME_UNAVAILABLE,
                        "`" + runtime.commandLine() + "` did not start PHP (exit " + result.exitCode() + "): "
                                + diagnostic(result) + ". Check that the runtime is running (GET /api/runtimes).");
            case HarnessReport.Missing missing ->
                SampleOutcome.Failed.of(
                        SCRIPT_ERROR,
                        "PHP exited with code "
                                + result.exitCode()
                                + " before reporting a result (does the benchmark call exit or die?): "
                                + diagnostic(result));
            case HarnessReport.Unreadable unreadable ->
                SampleOutcome.Failed.of(
                        INTERNAL, "The sample's result could " + "not be read: " + unreadable.problem());
        };
    }

    private static String diagnostic(ProcessResult result) {
        String text = (result.stderr().isBlank() ? result.stdout() : result.stderr()).strip();
        if (text.isEmpty()) {
            return "no output";
        }
        return text.length() > MAX_DIAGNOSTIC ? "…" + text.substring(text.length() - MAX_DIAGNOSTIC) : text;
    }
}
