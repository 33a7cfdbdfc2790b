package dev.benchpulse.results.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.junit.jupiter.api.Test;

/**
 * The mode's fast path (densities accumulated by recurrence, near-ties evaluated directly) must pick the same grid
 * point as evaluating the density directly at all 512 points, which is what the known answers were checked against.
 */
class KernelDensityTests {

    @Test
    void fast_mode_equals_the_argmax_of_direct_evaluation_on_many_shapes_and_sizes() {
        SplittableRandom random = new SplittableRandom(20261127);
        for (int round = 0; round < 300; round++) {
            double[] sorted = sample(random, round);
            double stddev = StandardDeviation.of(sorted).getAsDouble();

            assertThat(KernelDensity.mode(sorted, stddev))
                    .as("round %d, n=%d", round, sorted.length)
                    .isEqualTo(directMode(sorted, stddev));
        }
    }

    @Test
    void recurrence_densities_agree_with_direct_evaluation_to_twelve_digits() {
        double[] sorted = sample(new SplittableRandom(7), 5);
        double stddev = StandardDeviation.of(sorted).getAsDouble();
        double bandwidth = KernelDensity.silvermanBandwidth(stddev, sorted.length);
        double step = (sorted[sorted.length - 1] - sorted[0]) / (KernelDensity.GRID_POINTS - 1);

        double[] fast = KernelDensity.approximateDensities(sorted, bandwidth, sorted[0], step);

        for (int i = 0; i < KernelDensity.GRID_POINTS - 1; i++) {
            double direct = KernelDensity.density(sorted, bandwidth, sorted[0] + i * step);
            assertThat(fast[i]).as("grid point %d", i).isCloseTo(direct, within(Math.abs(direct) * 1e-12 + 1e-300));
        }
    }

    @Test
    void symmetric_data_keeps_the_first_of_two_equal_peaks() {
        double[] sorted = {1, 1, 1, 2, 3, 3, 3};
        double stddev = StandardDeviation.of(sorted).getAsDouble();

        assertThat(KernelDensity.mode(sorted, stddev)).isEqualTo(directMode(sorted, stddev));
    }

    /** Normal, bimodal, heavy-tailed, with outliers, and discrete (many ties), of 2 to 5,000 samples. */
    private static double[] sample(SplittableRandom random, int round) {
        int n = 2 + random.nextInt(round % 10 == 0 ? 5000 : 300);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            double gaussian = gaussian(random);
            values[i] = switch (round % 5) {
                case 0 -> 100 + 5 * gaussian;
                case 1 -> random.nextBoolean() ? 30 + gaussian : 60 + 2 * gaussian;
                case 2 -> 50 * Math.exp(0.8 * gaussian);
                case 3 -> i % 50 == 0 ? 1000 + random.nextDouble() : 10 + gaussian;
                default -> Math.round(20 + 3 * gaussian);
            };
        }
        Arrays.sort(values);
        return values;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    /** The definition: every grid point evaluated directly, the first largest wins. */
    private static double directMode(double[] sorted, double stddev) {
        double min = sorted[0];
        double max = sorted[sorted.length - 1];
        if (sorted.length == 1 || !(stddev > 0) || min == max) {
            return min;
        }
        double bandwidth = KernelDensity.silvermanBandwidth(stddev, sorted.length);
        double step = (max - min) / (KernelDensity.GRID_POINTS - 1);
        double best = min;
        double bestDensity = -1;
        for (int i = 0; i < KernelDensity.GRID_POINTS; i++) {
            double x = i == KernelDensity.GRID_POINTS - 1 ? max : min + i * step;
            double density = KernelDensity.density(sorted, bandwidth, x);
            if (density > bestDensity) {
                bestDensity = density;
                best = x;
            }
        }
        return best;
    }
}
