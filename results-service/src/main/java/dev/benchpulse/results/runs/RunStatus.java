package dev.benchpulse.results.runs;

/**
 * Where a run is in its life: requested, executing, or ended one way or another. {@code INCOMPLETE}: the runner
 * finished, but samples it took are missing here (lost on the way, or parked on the dead-letter topic); a run is
 * never {@code COMPLETED} with a sample missing.
 */
public enum RunStatus {
    QUEUED,
    RUNNING,
    COMPLETED,
    INCOMPLETE,
    FAILED,
    CANCELLED
}
