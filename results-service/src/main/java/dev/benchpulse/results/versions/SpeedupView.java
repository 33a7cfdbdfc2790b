package dev.benchpulse.results.versions;

import dev.benchpulse.results.statistics.Verdict;
import java.util.List;

/**
 * The catalog on two runtimes: for every benchmark with a completed run on both, median(to) / median(from), and per
 * category the geometric mean of those ratios as a speed-up (from / to: 2.0 means twice as fast on {@code to}).
 *
 * @param from       the runtime compared from
 * @param to         the runtime compared to
 * @param alpha      significance level of the verdicts
 * @param overall    every benchmark compared
 * @param categories per category, alphabetically
 * @param benchmarks per benchmark
 */
record SpeedupView(
        String from,
        String to,
        double alpha,
        Summary overall,
        List<Summary> categories,
        List<BenchmarkRatio> benchmarks) {

    /**
     * Ratios of one category (or all).
     *
     * @param speedup geometric mean of median(from) / median(to)
     * @param faster  benchmarks significantly faster on {@code to}
     * @param slower  benchmarks significantly slower on {@code to}
     */
    record Summary(
            String category,
            int benchmarks,
            double speedup,
            double minSpeedup,
            double maxSpeedup,
            int faster,
            int slower) {}

    /**
     * One benchmark.
     *
     * @param ratio   median(to) / median(from)
     * @param verdict {@code to} against {@code from}, Mann-Whitney U at alpha
     */
    record BenchmarkRatio(
            String benchmark,
            String name,
            String category,
            double fromMedian,
            double toMedian,
            double ratio,
            double pValue,
            Verdict verdict) {}
}
