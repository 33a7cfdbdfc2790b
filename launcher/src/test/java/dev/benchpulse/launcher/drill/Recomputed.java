package dev.benchpulse.launcher.drill;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import tools.jackson.databind.JsonNode;

/**
 * A run's statistics computed again, independently of results-service, from the samples PostgreSQL holds: the
 * definitions of docs/results.md (sample standard deviation, quantiles by Hyndman and Fan's definition 7, Tukey's
 * fences at 1.5 IQR), compared field by field with what the API reports.
 */
final class Recomputed {

    private static final double TOLERANCE = 1e-9;

    private Recomputed() {}

    /** The fields that differ, as {@code name: api vs recomputed}; empty when the API's statistics are right. */
    static List<String> differences(JsonNode statistics, List<StoredRun.Sample> samples) {
        double[] times =
                samples.stream().mapToDouble(StoredRun.Sample::nanos).sorted().toArray();
        int n = times.length;
        double mean = Arrays.stream(times).average().orElse(Double.NaN);
        double variance = Arrays.stream(times).map(t -> (t - mean) * (t - mean)).sum() / (n - 1);
        double q1 = quantile(times, 0.25);
        double q3 = quantile(times, 0.75);
        double low = q1 - 1.5 * (q3 - q1);
        double high = q3 + 1.5 * (q3 - q1);
        List<String> differences = new ArrayList<>();
        compare(differences, statistics, "n", n);
        compare(differences, statistics, "mean", mean);
        compare(differences, statistics, "median", quantile(times, 0.5));
        compare(differences, statistics, "min", times[0]);
        compare(differences, statistics, "max", times[n - 1]);
        compare(differences, statistics, "stddev", Math.sqrt(variance));
        compare(differences, statistics, "p90", quantile(times, 0.9));
        compare(differences, statistics, "p95", quantile(times, 0.95));
        compare(differences, statistics, "p99", quantile(times, 0.99));
        compare(
                differences,
                statistics.path("outliers"),
                "count",
                Arrays.stream(times).filter(t -> t < low || t > high).count());
        compare(
                differences,
                statistics.path("memory"),
                "peakBytes",
                samples.stream().mapToLong(StoredRun.Sample::peakMemory).max().orElse(0));
        compare(differences, statistics.path("memory"), "meanUsedBytes", average(samples, s -> s.memoryUsed()));
        return differences;
    }

    /** Definition 7: {@code h = (n - 1) p}, interpolated between the order statistics around it. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }

    private static double average(List<StoredRun.Sample> samples, ToDoubleFunction<StoredRun.Sample> value) {
        return samples.stream().mapToDouble(value).average().orElse(0);
    }

    private static void compare(List<String> differences, JsonNode statistics, String field, double expected) {
        double actual = statistics.path(field).asDouble(Double.NaN);
        if (!(Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected)))) {
            differences.add(field + ": " + actual + " vs " + expected);
        }
    }
}
