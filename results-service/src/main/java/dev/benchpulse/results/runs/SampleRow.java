package dev.benchpulse.results.runs;

/**
 * One raw sample of a run, as served by {@code GET /api/runs/{id}/samples}.
 *
 * @param iteration             1-based number of the sample within the attempt
 * @param timePerOperationNanos time per operation in nanoseconds
 * @param memoryUsedBytes       memory used by the measured loop in bytes (may be negative)
 * @param peakMemoryBytes       peak memory of the sample's PHP process in bytes
 */
public record SampleRow(int iteration, double timePerOperationNanos, long memoryUsedBytes, long peakMemoryBytes) {}
