package dev.benchpulse.notifier.update;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * The {@code data} of a Mercure update, serialized as JSON: the keys the original dashboard read, then the run, the
 * runtime id and the event time. {@code statistics} appears in progress updates only, {@code reason} and
 * {@code message} in failed ones.
 *
 * @param type             {@code benchmark.started}, {@code benchmark.progress}, {@code benchmark.completed} or
 *                         {@code benchmark.failed}
 * @param benchmarkId      the benchmark's slug
 * @param benchmarkName    the benchmark's name
 * @param phpVersion       the runtime's PHP version; null when the runtime could not start
 * @param currentIteration samples taken so far
 * @param totalIterations  samples the attempt takes; null when a run failed before it started
 * @param progress         whole percent done, 0–100 (100 only once every sample is taken)
 * @param timestamp        when the notifier sent the update to the hub (ISO-8601, UTC)
 * @param runId            the run
 * @param runtime          the runtime's id
 * @param occurredAt       when the event happened on the runner (milliseconds since the epoch)
 * @param statistics       running statistics of the attempt so far (progress only)
 * @param reason           why the run failed (failed only)
 * @param message          what went wrong, for people (failed only)
 */
@JsonPropertyOrder({
    "type",
    "benchmarkId",
    "benchmarkName",
    "phpVersion",
    "currentIteration",
    "totalIterations",
    "progress",
    "timestamp",
    "runId",
    "runtime",
    "occurredAt",
    "statistics",
    "reason",
    "message"
})
public record UpdateData(
        String type,
        String benchmarkId,
        String benchmarkName,
        String phpVersion,
        int currentIteration,
        Integer totalIterations,
        int progress,
        String timestamp,
        String runId,
        String runtime,
        long occurredAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Statistics statistics,
        @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String message) {

    /** The same data stamped with the moment it is sent. */
    public UpdateData sentAt(Instant sentAt) {
        return new UpdateData(
                type,
                benchmarkId,
                benchmarkName,
                phpVersion,
                currentIteration,
                totalIterations,
                progress,
                sentAt.toString(),
                runId,
                runtime,
                occurredAt,
                statistics,
                reason,
                message);
    }

    /**
     * Running statistics in nanoseconds per operation; every value but {@code n} is null before the first sample.
     *
     * @param ci95 95% confidence interval of the mean; null until there are two samples
     */
    @JsonPropertyOrder({"n", "mean", "median", "ci95", "min", "max"})
    public record Statistics(long n, Double mean, Double median, Interval ci95, Double min, Double max) {}

    /** A closed interval. */
    public record Interval(double low, double high) {}
}
