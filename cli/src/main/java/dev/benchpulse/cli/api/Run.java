package dev.benchpulse.cli.api;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * A run as the results API returns it ({@code GET /api/runs/{id}}).
 *
 * @param id                  run id
 * @param benchmark           benchmark slug
 * @param runtime             runtime id
 * @param status              QUEUED, RUNNING, COMPLETED, INCOMPLETE (the runner finished, samples are missing),
 *                            FAILED or CANCELLED
 * @param iterations          samples asked for
 * @param completedIterations samples taken so far
 * @param startedAt           when it started (ISO-8601), or null
 * @param completedAt         when it ended (ISO-8601), or null
 * @param failure             why it failed, or null
 * @param statistics          statistics of the samples so far, or null
 * @param samplesTaken        samples the runner took, once it finished; null before
 * @param missingIterations   iterations the runner took that are not stored (INCOMPLETE), or null
 */
public record Run(
        String id,
        String benchmark,
        String runtime,
        String status,
        Integer iterations,
        Integer completedIterations,
        String startedAt,
        String completedAt,
        JsonNode failure,
        Statistics statistics,
        Integer samplesTaken,
        List<Integer> missingIterations) {

    private static final Set<String> FINAL = Set.of("COMPLETED", "INCOMPLETE", "FAILED", "CANCELLED");
    private static final int MISSING_SHOWN = 20;

    public boolean isFinished() {
        return status != null && FINAL.contains(status);
    }

    public boolean isCompleted() {
        return "COMPLETED".equals(status);
    }

    /** The runner finished, but samples it took are missing: never reported complete. */
    public boolean isIncomplete() {
        return "INCOMPLETE".equals(status);
    }

    /** "3 of 600 samples missing (iterations 7, 31, 402); ..." for an incomplete run. */
    public String missingText() {
        List<Integer> missing = missingIterations == null ? List.of() : missingIterations;
        String shown =
                missing.stream().limit(MISSING_SHOWN).map(String::valueOf).collect(Collectors.joining(", "))
                        + (missing.size() > MISSING_SHOWN ? ", ..." : "");
        return missing.size() + " of " + (samplesTaken == null ? "?" : samplesTaken) + " samples missing (iterations "
                + shown + "); the statistics cover the stored samples only. Missing samples may wait on a dead-letter "
                + "topic: ./benchpulse dlt list";
    }

    /** "SCRIPT_ERROR: PHP Parse error ..." from the failure, whatever its shape. */
    public String failureText() {
        if (isIncomplete()) {
            return missingText();
        }
        if (failure == null || failure.isNull() || failure.isMissingNode()) {
            return status;
        }
        if (!failure.isObject()) {
            return failure.asString(String.valueOf(failure));
        }
        String reason = failure.path("reason").asString("");
        String message = failure.path("message").asString("");
        String where = failure.path("errorSection").isString()
                ? " (" + failure.path("errorSection").asString() + ", line "
                        + failure.path("errorLine").asInt(0) + ")"
                : "";
        return (reason.isEmpty() ? message : message.isEmpty() ? reason : reason + ": " + message) + where;
    }
}
