package dev.benchpulse.results.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Known answers computed independently with NumPy 2.4 and SciPy 1.17 (Python 3.11) on the same data:
 * <pre>
 * x = np.array(TIMES)
 * x.mean(); x.std(ddof=1); np.percentile(x, [25, 50, 75, 90, 95, 99])          # default method "linear" = HF7
 * scipy.stats.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=scipy.stats.sem(x))
 * kde = scipy.stats.gaussian_kde(x, bw_method="silverman")
 * g = np.linspace(x.min(), x.max(), 512); g[np.argmax(kde(g))]                   # the mode
 * q1, q3 = np.percentile(x, [25, 75]); q1 - 1.5 * (q3 - q1); q3 + 1.5 * (q3 - q1)
 * </pre>
 */
class RunStatisticsCalculatorTests {

    /** Twelve samples around 100 ns with one slow outlier (150.4). */
    static final double[] TIMES = {102.5, 98.1, 101.3, 99.8, 100.2, 97.6, 103.9, 100.0, 99.1, 150.4, 101.7, 98.9};

    static final double TOLERANCE = 1e-9;

    final RunStatistics stats = RunStatisticsCalculator.of(
            new Samples(TIMES, new long[] {100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200}, new long[] {
                4096, 4096, 8192, 4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096
            }));

    @Test
    void centre_and_spread_match_numpy() {
        assertThat(stats.n()).isEqualTo(12);
        assertThat(stats.mean()).isCloseTo(104.45833333333336, within(TOLERANCE));
        assertThat(stats.median()).isCloseTo(100.1, within(TOLERANCE));
        assertThat(stats.min()).isEqualTo(97.6);
        assertThat(stats.max()).isEqualTo(150.4);
        assertThat(stats.stddev()).isCloseTo(14.582521189507125, within(TOLERANCE));
        assertThat(stats.cv()).isCloseTo(0.13960131972404105, within(TOLERANCE));
    }

    @Test
    void quantiles_use_linear_interpolation_like_numpy_and_r_type_7() {
        assertThat(stats.p50()).isCloseTo(100.1, within(TOLERANCE));
        assertThat(stats.p90()).isCloseTo(103.76, within(TOLERANCE));
        assertThat(stats.p95()).isCloseTo(124.82499999999997, within(TOLERANCE));
        assertThat(stats.p99()).isCloseTo(145.28500000000003, within(TOLERANCE));
    }

    @Test
    void confidence_interval_of_the_mean_uses_student_t_like_scipy() {
        assertThat(stats.ci95().low()).isCloseTo(95.19304140466379, within(1e-8));
        assertThat(stats.ci95().high()).isCloseTo(113.72362526200293, within(1e-8));
    }

    @Test
    void mode_is_the_argmax_of_a_silverman_gaussian_kde_on_a_512_point_grid_like_scipy() {
        assertThat(stats.mode()).isCloseTo(100.28649706457925, within(1e-9));
        assertThat(KernelDensity.silvermanBandwidth(stats.stddev(), 12)).isCloseTo(9.39688937779738, within(1e-9));
    }

    @Test
    void tukey_fences_report_the_outlier_without_removing_it() {
        assertThat(stats.outliers().method()).isEqualTo("tukey-1.5");
        assertThat(stats.outliers().low()).isCloseTo(94.77499999999998, within(TOLERANCE));
        assertThat(stats.outliers().high()).isCloseTo(106.17500000000001, within(TOLERANCE));
        assertThat(stats.outliers().count()).isEqualTo(1);
        assertThat(stats.max()).as("the outlier stays in the statistics").isEqualTo(150.4);
    }

    @Test
    void memory_and_throughput() {
        assertThat(stats.memory().meanUsedBytes()).isEqualTo(650.0);
        assertThat(stats.memory().peakBytes()).isEqualTo(8192);
        assertThat(stats.opsPerSecond()).isCloseTo(9573195.05384922, within(1e-6));
    }

    @Nested
    class Edge_cases {

        @Test
        void no_samples_have_no_statistics() {
            assertThat(RunStatisticsCalculator.of(Samples.ofTimes())).isNull();
        }

        @Test
        void one_sample_has_no_spread_and_no_interval() {
            RunStatistics one = RunStatisticsCalculator.of(Samples.ofTimes(42.0));
            assertThat(one.n()).isEqualTo(1);
            assertThat(one.mean()).isEqualTo(42.0);
            assertThat(one.mode()).isEqualTo(42.0);
            assertThat(one.p99()).isEqualTo(42.0);
            assertThat(one.stddev()).isNull();
            assertThat(one.cv()).isNull();
            assertThat(one.ci95()).isNull();
        }

        @Test
        void the_mode_of_a_bimodal_sample_is_in_the_denser_cluster_like_scipy() {
            double[] sorted = {10, 10.5, 11, 11.2, 30, 30.1, 30.2, 30.3, 30.4};
            RunStatistics bimodal = RunStatisticsCalculator.of(Samples.ofTimes(sorted));
            assertThat(bimodal.mode()).isCloseTo(29.801174168297457, within(1e-9));
        }

        @Test
        void identical_samples_have_that_value_as_mode() {
            assertThat(RunStatisticsCalculator.of(Samples.ofTimes(7, 7, 7)).mode())
                    .isEqualTo(7.0);
        }
    }
}
