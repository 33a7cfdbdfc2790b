package dev.benchpulse.results.statistics;

/**
 * The mode of a sample as PHPBench reports it: the argmax of a Gaussian kernel density estimate evaluated on
 * {@value #GRID_POINTS} evenly spaced points from the minimum to the maximum. The bandwidth is Silverman's factor
 * as SciPy's {@code gaussian_kde(bw_method="silverman")} (and PHPBench's port of it) defines it: the sample standard
 * deviation times {@code (3n/4)^(-1/5)}.
 */
final class KernelDensity {

    static final int GRID_POINTS = 512;
    private static final double CUTOFF = 12;

    private KernelDensity() {
    }

    /** The mode of {@code sorted} (ascending, not empty), with standard deviation {@code stddev}. */
    static double mode(double[] sorted, double stddev) {
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        if (sorted.length == 1 || !(stddev > 0) || min == max) {
            return min;
        }
        double bandwidth = silvermanBandwidth(stddev, sorted.length);
        double step = (max - min) / (GRID_POINTS - 1);
        double best = min;
        double bestDensity = -1;
        for (int i = 0; i < GRID_POINTS; i++) {
            double x = i == GRID_POINTS - 1 ? max : min + i * step;
            double density = density(sorted, bandwidth, x);
            if (density > bestDensity) {
                bestDensity = density;
                best = x;
            }
        }
        return best;
    }

    static double silvermanBandwidth(double stddev, int n) {
        return stddev * Math.pow(n * 3.0 / 4.0, -1.0 / 5.0);
    }

    /**
     * Unnormalised density at {@code x} (the constant factor does not move the argmax). Only samples within
     * {@value #CUTOFF} bandwidths of {@code x} are summed: a farther one adds less than e^-72 of a near one's weight,
     * far below double precision, and skipping them keeps long runs cheap.
     */
    static double density(double[] sorted, double bandwidth, double x) {
        int from = firstAtLeast(sorted, x - CUTOFF * bandwidth);
        double sum = 0;
        for (int i = from; i < sorted.length && sorted[i] <= x + CUTOFF * bandwidth; i++) {
            double z = (x - sorted[i]) / bandwidth;
            sum += Math.exp(-0.5 * z * z);
        }
        return sum;
    }

    private static int firstAtLeast(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
