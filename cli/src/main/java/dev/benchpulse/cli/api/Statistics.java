package dev.benchpulse.cli.api;

/**
 * The statistics of a run's samples, times in nanoseconds per operation. Fields may be null while too few samples
 * exist.
 *
 * @param n            samples
 * @param mean         arithmetic mean
 * @param median       median
 * @param mode         mode (kernel density estimate)
 * @param min          smallest sample
 * @param max          largest sample
 * @param stddev       standard deviation
 * @param cv           coefficient of variation (stddev / mean)
 * @param p50          50th percentile
 * @param p90          90th percentile
 * @param p95          95th percentile
 * @param p99          99th percentile
 * @param ci95         95% confidence interval of the mean
 * @param outliers     outliers (reported, not removed)
 * @param memory       memory used
 * @param opsPerSecond operations per second
 */
public record Statistics(
        Integer n,
        Double mean,
        Double median,
        Double mode,
        Double min,
        Double max,
        Double stddev,
        Double cv,
        Double p50,
        Double p90,
        Double p95,
        Double p99,
        Interval ci95,
        Outliers outliers,
        Memory memory,
        Double opsPerSecond) {

    /**
     * A confidence interval.
     *
     * @param low  lower bound
     * @param high upper bound
     */
    public record Interval(Double low, Double high) {}

    /**
     * Outliers by a method such as Tukey's fences.
     *
     * @param method how they were found
     * @param low    lower fence
     * @param high   upper fence
     * @param count  samples outside the fences
     */
    public record Outliers(String method, Double low, Double high, Integer count) {}

    /**
     * Memory of the measured code.
     *
     * @param meanUsedBytes mean memory used
     * @param peakBytes     peak memory
     */
    public record Memory(Double meanUsedBytes, Double peakBytes) {}
}
