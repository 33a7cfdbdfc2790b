package dev.benchpulse.results.versions;

import dev.benchpulse.results.statistics.Interval;
import dev.benchpulse.results.statistics.Verdict;
import java.util.List;
import java.util.UUID;

/**
 * One benchmark on every runtime with a completed run, ordered by PHP version (a runtime without the JIT before its
 * JIT twin), each against the baseline runtime.
 *
 * @param benchmark slug
 * @param baseline  the runtime the ratios are to
 * @param alpha     significance level of the verdicts
 * @param rows      one per runtime
 */
record VersionsView(String benchmark, String baseline, double alpha, List<Row> rows) {

    /**
     * A runtime's latest completed run.
     *
     * @param jit    whether the runtime ran with the opcache JIT
     * @param median median time per operation (ns); p90, p99 likewise
     * @param cv     coefficient of variation, null with one sample
     * @param ratio  this runtime against the baseline; null for the baseline itself
     */
    record Row(
            String runtime,
            String phpVersion,
            boolean jit,
            UUID runId,
            int n,
            double median,
            double p90,
            double p99,
            Double cv,
            Ratio ratio) {}

    /**
     * median(runtime) / median(baseline): below 1 the runtime is faster.
     *
     * @param ci95    95 % percentile-bootstrap interval of the ratio
     * @param pValue  two-sided Mann-Whitney U p-value
     * @param verdict faster, slower or no significant difference, at alpha
     */
    record Ratio(double medianRatio, Interval ci95, double pValue, Verdict verdict) {}
}
