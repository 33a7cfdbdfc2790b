package dev.benchpulse.results.statistics;

import java.util.function.ToDoubleFunction;
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

    private static final MannWhitneyUTest MANN_WHITNEY =
            MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED);
    private static final Median MEDIAN = Median.withDefaults().withCopy(true);

    /** A with B; both need at least one sample. */
    public Comparison compare(double[] a, double[] b) {
        double medianA = MEDIAN.evaluate(a);
        double medianB = MEDIAN.evaluate(b);
        MannWhitneyUTest.Result test = MANN_WHITNEY.test(a, b);
        double p = test.getPValue();
        return new Comparison(
                medianA / medianB, bootstrapMedianRatio(a, b), test.getStatistic(), p, verdict(medianA, medianB, p));
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
        Resampler resampleA = new Resampler(a);
        Resampler resampleB = new Resampler(b);
        return bootstrap(random -> resampleA.median(random) / resampleB.median(random));
    }

    /** The 95% percentile-bootstrap interval of the median of {@code values}, for exports. */
    public Interval bootstrapMedian(double[] values) {
        Resampler resample = new Resampler(values);
        return bootstrap(resample::median);
    }

    private Interval bootstrap(ToDoubleFunction<UniformRandomProvider> resampledStatistic) {
        UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        double[] statistics = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            statistics[i] = resampledStatistic.applyAsDouble(random);
        }
        double[] bounds = RunStatisticsCalculator.QUANTILE.evaluate(statistics, 0.025, 0.975);
        return new Interval(bounds[0], bounds[1]);
    }

    /** Draws a sample of the same size, with replacement, into a reused buffer. */
    private static final class Resampler {

        private static final Median IN_PLACE = Median.withDefaults().withCopy(false);
        private final double[] from;
        private final double[] buffer;

        Resampler(double[] from) {
            this.from = from;
            this.buffer = new double[from.length];
        }

        double median(UniformRandomProvider random) {
            for (int i = 0; i < buffer.length; i++) {
                buffer[i] = from[random.nextInt(from.length)];
            }
            return IN_PLACE.evaluate(buffer);
        }
    }
}
