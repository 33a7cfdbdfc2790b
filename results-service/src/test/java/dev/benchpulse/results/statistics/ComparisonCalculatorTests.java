package dev.benchpulse.results.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Known answers from SciPy 1.17: {@code scipy.stats.mannwhitneyu(a, b, alternative="two-sided", method=...)}
 * (exact for the small sample without ties, "asymptotic" with continuity correction for the larger one with ties),
 * and {@code scipy.stats.bootstrap((a, b), median(a)/median(b), n_resamples=10000, method="percentile",
 * random_state=7, paired=False)} for the interval, which uses another random generator: ours must land close to it,
 * not on it.
 */
class ComparisonCalculatorTests {

    static final double[] FAST = {12.0, 15.5, 11.2, 14.8, 13.3, 16.1, 12.7};
    static final double[] SLOW = {18.2, 17.9, 21.4, 19.5, 20.3, 22.8};
    /** np.round(np.random.default_rng(1).normal(1000, 50, 60)): many ties after rounding. */
    static final double[] D = {
        1017, 1041, 1017, 935, 1045, 1022, 973, 1029, 1018, 1015, 1001, 1027, 963, 992, 976, 1030, 1002, 985, 961, 987,
        1000, 986, 1065, 1050, 864, 906, 991, 979, 1011, 1011, 1106, 944, 981, 1102, 1032, 1033, 974, 918, 1008, 1005,
        939, 966, 996, 953, 995, 1005, 1002, 975, 1030, 1045, 1016, 959, 1037, 975, 1044, 946, 1046, 999, 938, 984
    };
    /** The next 70 draws of the same generator, normal(1030, 50), rounded. */
    static final double[] E = {
        1033, 1044, 981, 975, 1040, 1007, 1042, 1068, 948, 1043, 1091, 1015, 989, 1068, 1043, 1075, 1013, 956, 1024,
        1008, 1069, 1040, 948, 970, 1074, 1064, 998, 1030, 1052, 1053, 1074, 1043, 1025, 1017, 1083, 917, 1023, 1032,
        959, 1047, 997, 1073, 1024, 1063, 1091, 1049, 986, 954, 1118, 1024, 996, 1037, 1020, 1073, 1032, 1031, 994,
        1053, 978, 1063, 1106, 954, 907, 1061, 1157, 980, 967, 1059, 988, 1005
    };

    final ComparisonCalculator calculator = new ComparisonCalculator(10_000, 20250101L, 0.05);

    @Test
    void small_samples_without_ties_get_the_exact_mann_whitney_p_value() {
        Comparison c = calculator.compare(FAST, SLOW);
        assertThat(c.mannWhitneyU()).isEqualTo(0.0);
        assertThat(c.pValue()).isCloseTo(0.0011655011655011655, within(1e-12));
        assertThat(c.verdict()).isEqualTo(Verdict.FASTER);
        assertThat(calculator.compare(SLOW, FAST).verdict()).isEqualTo(Verdict.SLOWER);
    }

    @Test
    void larger_samples_with_ties_get_the_corrected_normal_approximation() {
        Comparison c = calculator.compare(D, E);
        assertThat(c.mannWhitneyU()).isEqualTo(1340.0);
        assertThat(c.pValue()).isCloseTo(0.0003893236982766888, within(1e-10));
        assertThat(c.medianRatio()).isCloseTo(0.969946679592826, within(1e-12));
        assertThat(c.verdict()).isEqualTo(Verdict.FASTER);
    }

    @Test
    void bootstrap_interval_of_the_ratio_of_medians_is_close_to_scipys_and_reproducible() {
        Interval ci = calculator.compare(D, E).ci95();
        assertThat(ci.low()).isCloseTo(0.9528846153846153, within(0.004));
        assertThat(ci.high()).isCloseTo(0.9867452135493373, within(0.004));
        assertThat(ci.low()).isLessThan(0.969946679592826).isLessThan(ci.high());
        assertThat(calculator.compare(D, E).ci95())
                .as("same seed, same interval")
                .isEqualTo(ci);
        assertThat(new ComparisonCalculator(10_000, 1L, 0.05).compare(D, E).ci95())
                .as("another seed moves it")
                .isNotEqualTo(ci);
    }

    @Test
    void samples_from_the_same_distribution_show_no_significant_difference() {
        double[] firstHalf = java.util.Arrays.copyOfRange(D, 0, 30);
        double[] secondHalf = java.util.Arrays.copyOfRange(D, 30, 60);
        Comparison c = calculator.compare(firstHalf, secondHalf);
        assertThat(c.pValue()).isGreaterThan(0.05);
        assertThat(c.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    }

    @Test
    void the_verdict_needs_both_significance_and_a_direction() {
        assertThat(calculator.verdict(1, 2, 0.049)).isEqualTo(Verdict.FASTER);
        assertThat(calculator.verdict(2, 1, 0.049)).isEqualTo(Verdict.SLOWER);
        assertThat(calculator.verdict(1, 2, 0.05)).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
        assertThat(calculator.verdict(1, 1, 0.001)).isEqualTo(Verdict.NO_SIGNIFICANT_DIFFERENCE);
    }

    @Test
    void bootstrap_interval_of_a_median_contains_it() {
        Interval ci = calculator.bootstrapMedian(D);
        assertThat(ci.low()).isLessThanOrEqualTo(1000.5).isLessThan(ci.high());
        assertThat(ci.high()).isGreaterThanOrEqualTo(1000.5);
    }
}
