package dev.benchpulse.runner.process;

/**
 * How a process ended and the tail of what it wrote.
 *
 * @param ending          normal exit, timeout, cancellation or a process that could not be started
 * @param exitCode        exit code (-1 when it did not exit by itself)
 * @param stdout          the kept tail of standard output
 * @param stderr          the kept tail of standard error
 * @param outputTruncated whether output was dropped to stay within the bound
 * @param startFailure    why the process could not be started (when {@code ending} is {@link Ending#NOT_STARTED})
 * @param wallNanos       wall-clock time from start to end
 */
public record ProcessResult(
        Ending ending,
        int exitCode,
        String stdout,
        String stderr,
        boolean outputTruncated,
        String startFailure,
        long wallNanos) {

    /** How a process ended. */
    public enum Ending {
        EXITED,
        TIMED_OUT,
        CANCELLED,
        NOT_STARTED
    }

    static ProcessResult notStarted(String why) {
        return new ProcessResult(Ending.NOT_STARTED, -1, "", "", false, why, 0);
    }
}
