package dev.benchpulse.runner.calibration;

/**
 * A suggestion of inner iterations for one benchmark on one runtime.
 *
 * @param benchmark                slug
 * @param runtime                  runtime id
 * @param targetMillis             how long one sample's measured loop should last
 * @param suggestedInnerIterations inner iterations expected to take about {@code targetMillis}
 * @param catalogInnerIterations   the catalog's current value, for comparison
 * @param nanosPerOperation        time per operation measured by the last calibration sample
 * @param verifiedSampleMillis     how long the measured loop of the last calibration sample took
 * @param samplesTaken             PHP processes the calibration ran
 */
public record Calibration(
        String benchmark,
        String runtime,
        long targetMillis,
        long suggestedInnerIterations,
        int catalogInnerIterations,
        double nanosPerOperation,
        double verifiedSampleMillis,
        int samplesTaken) {}
