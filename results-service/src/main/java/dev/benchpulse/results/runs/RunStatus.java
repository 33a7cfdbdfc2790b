package dev.benchpulse.results.runs;

/** Where a run is in its life: requested, executing, or ended one way or another. */
public enum RunStatus {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED
}
