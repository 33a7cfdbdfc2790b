package dev.benchpulse.results.comparison;

import dev.benchpulse.results.statistics.Interval;
import dev.benchpulse.results.statistics.RunStatistics;
import dev.benchpulse.results.statistics.Verdict;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer of {@code GET /api/benchmarks/{slug}/comparison}.
 *
 * @param alpha significance level of the verdicts
 */
public record ComparisonView(String benchmark, double alpha, List<RuntimeResult> runtimes, List<Pair> pairs) {

    /** The latest completed run of one runtime. */
    public record RuntimeResult(
            String runtime, UUID runId, String phpVersion, Instant completedAt, RunStatistics statistics) {}

    /**
     * Runtime {@code a} compared with runtime {@code b}.
     *
     * @param medianRatio median of a / median of b (below 1: a is faster)
     * @param ci95        95% percentile-bootstrap confidence interval of the ratio
     * @param verdict     faster: a's median is lower and the difference is significant at alpha
     */
    public record Pair(
            String a,
            String b,
            double medianRatio,
            Interval ci95,
            double mannWhitneyU,
            double pValue,
            Verdict verdict) {}
}
