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
    /** Relative distance to the largest approximate density within which grid points are evaluated directly. */
    private static final double CANDIDATE_TOLERANCE = 1e-9;

    private KernelDensity() {}

    /**
     * The mode of {@code sorted} (ascending, not empty), with standard deviation {@code stddev}. The density on the
     * grid is first accumulated sample by sample with a recurrence (two multiplications per grid point instead of an
     * exponential); the grid points whose density comes within {@value #CANDIDATE_TOLERANCE} of the largest, where
     * the recurrence's rounding (about 1e-13) could decide between them, are then evaluated directly, so the result
     * is the same as evaluating every grid point directly.
     */
    static double mode(double[] sorted, double stddev) {
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        if (sorted.length == 1 || !(stddev > 0) || min == max) {
            return min;
        }
        double bandwidth = silvermanBandwidth(stddev, sorted.length);
        double step = (max - min) / (GRID_POINTS - 1);
        double[] grid = approximateDensities(sorted, bandwidth, min, step);
        double largest = 0;
        for (double density : grid) {
            largest = Math.max(largest, density);
        }
        double best = min;
        double bestDensity = -1;
        for (int i = 0; i < GRID_POINTS; i++) {
            if (grid[i] >= largest * (1 - CANDIDATE_TOLERANCE)) {
                double x = gridPoint(i, min, max, step);
                double density = density(sorted, bandwidth, x);
                if (density > bestDensity) {
                    bestDensity = density;
                    best = x;
                }
            }
        }
        return best;
    }

    private static double gridPoint(int i, double min, double max, double step) {
        return i == GRID_POINTS - 1 ? max : min + i * step;
    }

    /**
     * The unnormalised density at every grid point. For one sample the kernel's values on evenly spaced points follow
     * {@code w[j+1] = w[j] * r[j]} with {@code r[j+1] = r[j] * exp(-d^2)} ({@code d} the grid step in bandwidths), so
     * each sample costs three exponentials and walks out from its nearest grid point to {@value #CUTOFF} bandwidths.
     */
    static double[] approximateDensities(double[] sorted, double bandwidth, double min, double step) {
        double[] grid = new double[GRID_POINTS];
        double d = step / bandwidth;
        double decay = Math.exp(-d * d);
        int reach = (int) Math.min(GRID_POINTS, Math.ceil(CUTOFF / d));
        for (double sample : sorted) {
            int nearest = (int) Math.max(0, Math.min(GRID_POINTS - 1, Math.round((sample - min) / step)));
            double u = (min + nearest * step - sample) / bandwidth;
            double weight = Math.exp(-0.5 * u * u);
            grid[nearest] += weight;
            double w = weight;
            double ratio = Math.exp(-(u * d + 0.5 * d * d));
            for (int j = nearest + 1, last = Math.min(GRID_POINTS - 1, nearest + reach); j <= last; j++) {
                w *= ratio;
                ratio *= decay;
                grid[j] += w;
            }
            w = weight;
            ratio = Math.exp(u * d - 0.5 * d * d);
            for (int j = nearest - 1, first = Math.max(0, nearest - reach); j >= first; j--) {
                w *= ratio;
                ratio *= decay;
                grid[j] += w;
            }
        }
        return grid;
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
