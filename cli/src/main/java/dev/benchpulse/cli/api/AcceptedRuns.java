package dev.benchpulse.cli.api;

import java.util.List;

/**
 * The answer to {@code POST /api/runs}.
 *
 * @param runs one per runtime
 */
public record AcceptedRuns(List<AcceptedRun> runs) {

    /**
     * A run that was queued.
     *
     * @param id        run id
     * @param benchmark benchmark slug
     * @param runtime   runtime id
     * @param status    QUEUED
     * @param topic     its Mercure topic
     */
    public record AcceptedRun(String id, String benchmark, String runtime, String status, String topic) {
    }
}
