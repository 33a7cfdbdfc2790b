package dev.benchpulse.notifier.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class RunStatisticsTests {

    @Test
    void has_only_a_zero_count_before_the_first_sample() {
        UpdateData.Statistics statistics = new RunStatistics().snapshot();

        assertThat(statistics.n()).isZero();
        assertThat(statistics.mean()).isNull();
        assertThat(statistics.ci95()).isNull();
    }

    @Test
    void has_no_confidence_interval_with_a_single_sample() {
        RunStatistics statistics = new RunStatistics();
        statistics.add(1200.5);

        UpdateData.Statistics snapshot = statistics.snapshot();

        assertThat(snapshot.n()).isEqualTo(1);
        assertThat(snapshot.mean()).isEqualTo(1200.5);
        assertThat(snapshot.median()).isEqualTo(1200.5);
        assertThat(snapshot.min()).isEqualTo(1200.5);
        assertThat(snapshot.max()).isEqualTo(1200.5);
        assertThat(snapshot.ci95()).isNull();
    }

    @Test
    void gives_the_t_interval_of_the_mean() {
        // Given 1..5: mean 3, sample standard deviation sqrt(2.5), t(0.975, 4 df) = 2.7764451
        RunStatistics statistics = new RunStatistics();
        DoubleStream.of(5, 1, 4, 2, 3).forEach(statistics::add);

        UpdateData.Statistics snapshot = statistics.snapshot();

        double halfWidth = 2.7764451 * Math.sqrt(2.5) / Math.sqrt(5);
        assertThat(snapshot.mean()).isEqualTo(3.0, within(1e-12));
        assertThat(snapshot.median()).isEqualTo(3.0);
        assertThat(snapshot.min()).isEqualTo(1.0);
        assertThat(snapshot.max()).isEqualTo(5.0);
        assertThat(snapshot.ci95().low()).isEqualTo(3.0 - halfWidth, within(1e-6));
        assertThat(snapshot.ci95().high()).isEqualTo(3.0 + halfWidth, within(1e-6));
    }

    @Test
    void matches_a_two_pass_computation_on_large_values() {
        // Given nanosecond timings with a large offset, where a naive sum of squares loses precision
        Random random = new Random(7);
        double[] samples = DoubleStream.generate(() -> 1e9 + random.nextGaussian() * 10)
                .limit(10_000)
                .toArray();
        RunStatistics statistics = new RunStatistics();

        DoubleStream.of(samples).forEach(statistics::add);

        double mean = DoubleStream.of(samples).average().orElseThrow();
        double variance =
                DoubleStream.of(samples).map(x -> (x - mean) * (x - mean)).sum() / (samples.length - 1);
        UpdateData.Statistics snapshot = statistics.snapshot();
        double halfWidth = (snapshot.ci95().high() - snapshot.ci95().low()) / 2;
        assertThat(snapshot.mean()).isEqualTo(mean, within(1e-5));
        assertThat(halfWidth).isEqualTo(1.9602 * Math.sqrt(variance / samples.length), within(1e-3));
    }
}
