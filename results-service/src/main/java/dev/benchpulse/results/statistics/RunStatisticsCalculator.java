package dev.benchpulse.results.statistics;

import java.util.Arrays;
import java.util.EnumSet;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.Statistic;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Computes {@link RunStatistics} from a run's samples. Quantiles use definition 7 of Hyndman and Fan (linear
 * interpolation between order statistics: R's default {@code type = 7}, NumPy's default {@code "linear"}); the
 * median is the 0.5 quantile. Tukey's fences use the same quartiles.
 */
public final class RunStatisticsCalculator {

    static final Quantile QUANTILE = Quantile.withDefaults().withCopy(true).with(Quantile.EstimationMethod.HF7);
    private static final double[] PROBABILITIES = {0.25, 0.5, 0.75, 0.9, 0.95, 0.99};
    private static final double TUKEY_K = 1.5;

    private RunStatisticsCalculator() {}

    /** The statistics of {@code samples}; null when there are none. */
    public static RunStatistics of(Samples samples) {
        if (samples.isEmpty()) {
            return null;
        }
        double[] sorted = samples.sortedTimes();
        int n = sorted.length;
        DoubleStatistics moments = DoubleStatistics.of(
                EnumSet.of(Statistic.MEAN, Statistic.STANDARD_DEVIATION, Statistic.MIN, Statistic.MAX), sorted);
        double mean = moments.getAsDouble(Statistic.MEAN);
        Double stddev = n > 1 ? moments.getAsDouble(Statistic.STANDARD_DEVIATION) : null;
        double[] q = QUANTILE.evaluate(sorted, PROBABILITIES);
        return new RunStatistics(
                n,
                mean,
                q[1],
                KernelDensity.mode(sorted, stddev == null ? 0 : stddev),
                moments.getAsDouble(Statistic.MIN),
                moments.getAsDouble(Statistic.MAX),
                stddev,
                stddev == null ? null : stddev / mean,
                q[1],
                q[3],
                q[4],
                q[5],
                meanConfidenceInterval(mean, stddev, n, 0.95),
                tukeyFences(sorted, q[0], q[2]),
                memory(samples),
                1e9 / mean);
    }

    /** {@code mean ± t(1 - (1 - level) / 2, n - 1) · s / √n}; null for fewer than two samples. */
    static Interval meanConfidenceInterval(double mean, Double stddev, int n, double level) {
        if (stddev == null || n < 2) {
            return null;
        }
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double halfWidth = t * stddev / Math.sqrt(n);
        return new Interval(mean - halfWidth, mean + halfWidth);
    }

    /** Bounds {@code Q1 - 1.5 IQR} and {@code Q3 + 1.5 IQR}, and how many samples lie strictly outside them. */
    static RunStatistics.Outliers tukeyFences(double[] sorted, double q1, double q3) {
        double iqr = q3 - q1;
        double low = q1 - TUKEY_K * iqr;
        double high = q3 + TUKEY_K * iqr;
        int count = (int) Arrays.stream(sorted).filter(v -> v < low || v > high).count();
        return new RunStatistics.Outliers(RunStatistics.Outliers.TUKEY, low, high, count);
    }

    private static RunStatistics.Memory memory(Samples samples) {
        double meanUsed = Arrays.stream(samples.memoryUsed()).average().orElse(0);
        long peak = Arrays.stream(samples.peakMemory()).max().orElse(0);
        return new RunStatistics.Memory(meanUsed, peak);
    }
}
