package dev.benchpulse.notifier.update;

import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Running statistics of one attempt's samples (nanoseconds per operation), updated one sample at a time: Welford's
 * algorithm for the mean and variance, {@link StreamingMedian} for the median, and the 95% confidence interval of
 * the mean from Student's t distribution. Not thread-safe: a run's events arrive in order on one thread.
 */
final class RunStatistics {

    private static final double CONFIDENCE_QUANTILE = 0.975;

    private final StreamingMedian median = new StreamingMedian();
    private long n;
    private double mean;
    private double sumOfSquaredDeviations;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    void add(double value) {
        n++;
        double delta = value - mean;
        mean += delta / n;
        sumOfSquaredDeviations += delta * (value - mean);
        min = Math.min(min, value);
        max = Math.max(max, value);
        median.add(value);
    }

    long count() {
        return n;
    }

    /** The statistics so far; the interval is absent until there are two samples. */
    UpdateData.Statistics snapshot() {
        if (n == 0) {
            return new UpdateData.Statistics(0, null, null, null, null, null);
        }
        return new UpdateData.Statistics(n, mean, median.median(), confidenceInterval(), min, max);
    }

    private UpdateData.Interval confidenceInterval() {
        if (n < 2) {
            return null;
        }
        double standardError = Math.sqrt(sumOfSquaredDeviations / (n - 1) / n);
        double t = TDistribution.of(n - 1).inverseCumulativeProbability(CONFIDENCE_QUANTILE);
        return new UpdateData.Interval(mean - t * standardError, mean + t * standardError);
    }
}
