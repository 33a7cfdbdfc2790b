package dev.benchpulse.results.runs;

import dev.benchpulse.results.statistics.RunStatistics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A run as the API shows it. {@code statistics} are those of the samples of the run's current attempt: stored
 * when it completed, computed from the samples so far otherwise; null without samples.
 *
 * @param completedIterations samples stored for the current attempt
 * @param failure             why the run failed or was cancelled; null otherwise
 * @param runtimeSettings     ini settings of the runtime, as the runner reported them when the run started
 * @param samplesTaken        samples the current attempt took, once its runner finished; null before
 * @param missingIterations   once the runner finished: the iterations (1-based) it took that are not stored; the
 *                            run is INCOMPLETE while this is not empty after the completion timeout, RUNNING before;
 *                            null while the runner has not finished
 * @param matrixId            the request it was queued with, when that request queued several runs
 * @param groupId             the interleaved group it ran in, if any
 */
public record RunView(
        UUID id,
        String benchmark,
        String runtime,
        RunStatus status,
        Integer iterations,
        int completedIterations,
        Instant startedAt,
        Instant completedAt,
        Failure failure,
        RunStatistics statistics,
        String phpVersion,
        Map<String, String> runtimeSettings,
        Instant requestedAt,
        Integer samplesTaken,
        List<Integer> missingIterations,
        UUID matrixId,
        UUID groupId) {

    /**
     * @param reason       TIMEOUT, SCRIPT_ERROR, RUNTIME_UNAVAILABLE, CANCELLED, INTERNAL or RUNNER_LOST
     * @param errorSection for a script error: setup, code or teardown
     * @param errorLine    for a script error: the line within that section
     */
    public record Failure(String reason, String message, String errorSection, Integer errorLine) {}

    static RunView of(
            Run run,
            Map<String, String> runtimeSettings,
            int completedIterations,
            RunStatistics statistics,
            List<Integer> missingIterations) {
        Failure failure = run.failureReason() == null
                ? null
                : new Failure(run.failureReason(), run.failureMessage(), run.errorSection(), run.errorLine());
        return new RunView(
                run.id(),
                run.benchmark(),
                run.runtime(),
                run.runStatus(),
                run.iterations(),
                completedIterations,
                run.startedAt(),
                run.completedAt(),
                failure,
                statistics,
                run.phpVersion(),
                runtimeSettings,
                run.requestedAt(),
                run.samplesTaken(),
                missingIterations,
                run.matrixId(),
                run.groupId());
    }
}
