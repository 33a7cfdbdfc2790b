package dev.benchpulse.runner.run;

import java.util.Optional;

/**
 * What a sample's PHP process reported on stdout: the driver's {@code started} line, then either the harness's
 * {@code result} line or the driver's {@code error} line. Other output is ignored.
 */
public sealed interface HarnessReport {

    /**
     * The measured loop ran.
     *
     * @param elapsedNanos    hrtime of the measured loop
     * @param innerIterations executions of the code in it
     * @param memoryUsedBytes memory after the loop minus before
     * @param peakMemoryBytes the process's peak memory
     * @param phpVersion      PHP_VERSION
     * @param opcached        whether opcache had compiled the harness file
     * @param jit             whether the JIT was on
     * @param jitCodeBytes    bytes of the JIT buffer in use (machine code the JIT emitted)
     */
    record Measured(
            long elapsedNanos,
            long innerIterations,
            long memoryUsedBytes,
            long peakMemoryBytes,
            String phpVersion,
            boolean opcached,
            boolean jit,
            long jitCodeBytes)
            implements HarnessReport {

        public double nanosPerOperation() {
            return (double) elapsedNanos / innerIterations;
        }
    }

    /**
     * PHP reported an error or an uncaught exception.
     *
     * @param kind     exception class, or {@code Fatal error}
     * @param message  PHP's message
     * @param position where in the benchmark it happened, when known
     */
    record ScriptError(String kind, String message, Optional<SourceMap.Position> position) implements HarnessReport {

        /** PHP's message with the benchmark section and line, e.g. {@code Error: boom (code, line 2)}. */
        public String describe() {
            String where = position.map(p -> " (" + p.section().field() + ", line " + p.line() + ")")
                    .orElse(" (outside the benchmark's sections: check for an unclosed bracket or string)");
            return kind + ": " + message + where;
        }
    }

    /**
     * Neither a result nor an error came.
     *
     * @param started whether the driver said PHP started
     */
    record Missing(boolean started) implements HarnessReport {}

    /**
     * A report line that does not follow the protocol.
     *
     * @param problem what is wrong with it
     */
    record Unreadable(String problem) implements HarnessReport {}

    /** Reads the report lines of {@code stdout}, mapping error lines through {@code sourceMap}. */
    static HarnessReport parse(String stdout, SourceMap sourceMap) {
        return HarnessReportParser.parse(stdout, sourceMap);
    }
}
