package dev.benchpulse.cli.api;

import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A run as the results API returns it ({@code GET /api/runs/{id}}).
 *
 * @param id                  run id
 * @param benchmark           benchmark slug
 * @param runtime             runtime id
 * @param status              QUEUED, RUNNING, COMPLETED, FAILED or CANCELLED
 * @param iterations          samples asked for
 * @param completedIterations samples taken so far
 * @param startedAt           when it started (ISO-8601), or null
 * @param completedAt         when it ended (ISO-8601), or null
 * @param failure             why it failed, or null
 * @param statistics          statistics of the samples so far, or null
 */
public record Run(String id, String benchmark, String runtime, String status, Integer iterations,
        Integer completedIterations, String startedAt, String completedAt, JsonNode failure, Statistics statistics) {

    private static final Set<String> FINAL = Set.of("COMPLETED", "FAILED", "CANCELLED");

    public boolean isFinished() {
        return status != null && FINAL.contains(status);
    }

    public boolean isCompleted() {
        return "COMPLETED".equals(status);
    }

    /** "SCRIPT_ERROR: PHP Parse error ..." from the failure, whatever its shape. */
    public String failureText() {
        if (failure == null || failure.isNull() || failure.isMissingNode()) {
            return status;
        }
        if (!failure.isObject()) {
            return failure.asString(String.valueOf(failure));
        }
        String reason = failure.path("reason").asString("");
        String message = failure.path("message").asString("");
        String where = failure.path("errorSection").isString()
                ? " (" + failure.path("errorSection").asString() + ", line " + failure.path("errorLine").asInt(0) + ")"
                : "";
        return (reason.isEmpty() ? message : message.isEmpty() ? reason : reason + ": " + message) + where;
    }
}
