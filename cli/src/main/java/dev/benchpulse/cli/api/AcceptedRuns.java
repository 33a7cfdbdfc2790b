package dev.benchpulse.cli.api;

import java.util.List;

/**
 * The answer to {@code POST /api/runs}.
 *
 * @param matrixId  shared by the runs when the request queued several, else null
 * @param execution interleaved or sequential
 * @param runs      one per benchmark and runtime
 * @param skipped   benchmark and runtime pairs left out, with the reason
 */
public record AcceptedRuns(String matrixId, String execution, List<AcceptedRun> runs, List<Skipped> skipped) {

    /** A benchmark and runtime pair the runner left out because the runtime's PHP does not run the benchmark. */
    public record Skipped(String benchmark, String runtime, String reason) {}

    /**
     * A run that was queued.
     *
     * @param id        run id
     * @param benchmark benchmark slug
     * @param runtime   runtime id
     * @param status    QUEUED
     * @param topic     its Mercure topic
     */
    public record AcceptedRun(String id, String benchmark, String runtime, String status, String topic) {}
}
