package dev.benchpulse.results.statistics;

/**
 * The statistics of one run's samples, all times in nanoseconds per operation. Values that need at least two
 * samples ({@code stddev}, {@code cv}, {@code ci95}) are null with one.
 *
 * @param n            number of samples
 * @param mode         the most probable time: the highest point of a Gaussian kernel density estimate
 * @param stddev       sample standard deviation (n - 1 in the denominator)
 * @param cv           coefficient of variation, stddev / mean
 * @param ci95         95% confidence interval of the mean (Student's t)
 * @param outliers     Tukey's fences; outliers are reported, never removed from the other statistics
 * @param opsPerSecond operations per second at the mean time, 1e9 / mean
 */
public record RunStatistics(
        int n,
        double mean,
        double median,
        double mode,
        double min,
        double max,
        Double stddev,
        Double cv,
        double p50,
        double p90,
        double p95,
        double p99,
        Interval ci95,
        Outliers outliers,
        Memory memory,
        double opsPerSecond) {

    /**
     * Samples outside {@code [low, high]}.
     *
     * @param method how the bounds are found: {@value #TUKEY}
     */
    public record Outliers(String method, double low, double high, int count) {

        public static final String TUKEY = "tukey-1.5";
    }

    /**
     * Memory of the samples, in bytes.
     *
     * @param meanUsedBytes mean of the memory used by the measured loop
     * @param peakBytes     highest peak memory of any sample's PHP process
     */
    public record Memory(double meanUsedBytes, long peakBytes) {}
}
