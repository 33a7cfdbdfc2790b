package dev.benchpulse.results.history;

import dev.benchpulse.results.statistics.Interval;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code GET /api/benchmarks/{slug}/history?runtime=}: completed runs, oldest first.
 *
 * @param threshold      relative slow-down of the median that is flagged as a regression
 * @param pinnedBaseline the pinned baseline run; null when each run is checked against the previous one
 * @param latest         the regression check of the latest run; null with fewer than two runs
 */
public record HistoryView(
        String benchmark,
        String runtime,
        double threshold,
        UUID pinnedBaseline,
        List<Point> points,
        RegressionCheck latest) {

    /**
     * One completed run.
     *
     * @param baselineRunId the run this one is checked against (null for the first run)
     * @param change        median / baseline median - 1 (0.12 = 12% slower); null without a baseline
     * @param regression    whether {@code change} exceeds the threshold
     */
    public record Point(
            UUID runId,
            Instant completedAt,
            double median,
            double mean,
            Interval ci95,
            int n,
            String phpVersion,
            UUID baselineRunId,
            Double change,
            boolean regression) {}

    /**
     * The latest run against its baseline.
     *
     * @param pinned     whether the baseline is a pinned run (otherwise the previous run)
     * @param pValue     two-sided Mann-Whitney U p-value of the two runs' samples
     * @param regression whether the median slowed down by more than the threshold
     */
    public record RegressionCheck(
            UUID runId,
            UUID baselineRunId,
            boolean pinned,
            double change,
            double threshold,
            boolean regression,
            double pValue) {}
}
