package dev.benchpulse.results.statistics;

import java.util.Arrays;

/**
 * The measured values of a run's samples, in iteration order: time per operation (ns), memory used and peak
 * memory (bytes).
 */
public record Samples(double[] times, long[] memoryUsed, long[] peakMemory) {

    public Samples {
        if (times.length != memoryUsed.length || times.length != peakMemory.length) {
            throw new IllegalArgumentException("samples need as many memory values as times");
        }
    }

    /** Samples with times only (memory zero), for comparisons and tests. */
    public static Samples ofTimes(double... times) {
        return new Samples(times, new long[times.length], new long[times.length]);
    }

    public int size() {
        return times.length;
    }

    public boolean isEmpty() {
        return times.length == 0;
    }

    /** The times, sorted ascending, in a new array. */
    public double[] sortedTimes() {
        double[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
