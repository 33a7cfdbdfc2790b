package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.avro.FailureReason;

/** How one sample ended: measured, or failed with a reason the run's {@code BenchmarkFailed} carries. */
public sealed interface SampleOutcome {

    /**
     * The sample was measured.
     *
     * @param report    what the harness reported
     * @param wallNanos wall-clock time of the whole PHP process, start to exit
     */
    record Measured(HarnessReport.Measured report, long wallNanos) implements SampleOutcome {

        public double nanosPerOperation() {
            return report.nanosPerOperation();
        }
    }

    /**
     * The sample failed.
     *
     * @param reason  failure kind
     * @param message what happened and how to fix it; for SCRIPT_ERROR PHP's message with the benchmark line
     * @param section for SCRIPT_ERROR, the section PHP reported the error in, when known
     * @param line    for SCRIPT_ERROR, the 1-based line within {@code section}, when known
     */
    record Failed(FailureReason reason, String message, Section section, Integer line) implements SampleOutcome {

        static Failed of(FailureReason reason, String message) {
            return new Failed(reason, message, null, null);
        }
    }
}
