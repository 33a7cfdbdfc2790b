package dev.benchpulse.cli.api;

/**
 * A failure the command reports to its user as one message (never a stack trace) with its exit code: what went
 * wrong and what to do about it.
 */
public class CliException extends RuntimeException {

    /** A benchmark run failed or was cancelled. */
    public static final int RUN_FAILED = 1;
    /** The command was wrong: an unknown benchmark, runtime or option. */
    public static final int USAGE = 2;
    /** The stack could not be reached, or answered with an error. */
    public static final int UNAVAILABLE = 3;
    /** A run ended with samples missing (INCOMPLETE), and none failed. */
    public static final int INCOMPLETE = 4;

    private final int exitCode;

    public CliException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
