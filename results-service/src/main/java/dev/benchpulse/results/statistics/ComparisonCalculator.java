package dev.benchpulse.results.statistics;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Compares the samples of two runs: ratio of medians with a percentile-bootstrap confidence interval (A and B
 * resampled independently with replacement; the interval is the 2.5% and 97.5% quantiles of the resampled ratios),
 * a two-sided Mann-Whitney U test (Commons Statistics defaults: exact p-value for small samples without ties,
 * otherwise the normal approximation with tie and continuity corrections) and a verdict at level {@code alpha}.
 * The random generator is seeded, so the same samples always give the same interval.
 *
 * @param resamples number of bootstrap resamples
 * @param seed      seed of the bootstrap's random generator (XoRoShiRo128++)
 * @param alpha     significance level of the verdict
 */
public record ComparisonCalculator(int resamples, long seed, double alpha) {

    private static final MannWhitneyUTest MANN_WHITNEY = MannWhitneyUTest.withDefaults()
            .with(AlternativeHypothesis.TWO_SIDED);
    private static final Median MEDIAN = Median.withDefaults().withCopy(true);

    /** A with B; both need at least one sample. */
    public Comparison compare(double[] a, double[] b) {
        double medianA = MEDIAN.evaluate(a);
        double medianB = MEDIAN.evaluate(b);
        MannWhitneyUTest.Result test = MANN_WHITNEY.test(a, b);
        double p = test.getPValue();
        return new Comparison(medianA / medianB, bootstrapMedianRatio(a, b), test.getStatistic(), p,
                verdict(medianA, medianB, p));
    }

    /** Two-sided Mann-Whitney U p-value of A against B. */
    public double mannWhitneyPValue(double[] a, double[] b) {
        return MANN_WHITNEY.test(a, b).getPValue();
    }

    Verdict verdict(double medianA, double medianB, double pValue) {
        if (!(pValue < alpha) || medianA == medianB) {
            return Verdict.NO_SIGNIFICANT_DIFFERENCE;
        }
        return medianA < medianB ? Verdict.FASTER : Verdict.SLOWER;
    }

    /** The 95% percentile-bootstrap interval of median(A) / median(B). */
    Interval bootstrapMedianRatio(double[] a, double[] b) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Median inPlace = Median.withDefaults().withCopy(false);
        double[] resampleA = new double[a.length];
        double[] resampleB = new double[b.length];
        double[] ratios = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            resample(a, resampleA, random);
            resample(b, resampleB, random);
            ratios[i] = inPlace.evaluate(resampleA) / inPlace.evaluate(resampleB);
        }
        double[] bounds = RunStatisticsCalculator.QUANTILE.evaluate(ratios, 0.025, 0.975);
        return new Interval(bounds[0], bounds[1]);
    }

    /** The 95% percentile-bootstrap interval of the median of {@code values}, for exports. */
    public Interval bootstrapMedian(double[] values) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        Median inPlace = Median.withDefaults().withCopy(false);
        double[] resampled = new double[values.length];
        double[] medians = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            resample(values, resampled, random);
            medians[i] = inPlace.evaluate(resampled);
        }
        double[] bounds = RunStatisticsCalculator.QUANTILE.evaluate(medians, 0.025, 0.975);
        return new Interval(bounds[0], bounds[1]);
    }

    private static void resample(double[] from, double[] into, UniformRandomProvider random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
    }
}
