package dev.benchpulse.results.comparison;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchpulse.results.problem.BusyException;
import dev.benchpulse.results.settings.ResultsProperties;
import dev.benchpulse.results.statistics.Comparison;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ComparisonWorkTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ComparisonWork work;

    ComparisonWork work(int threads, int queue) {
        work = new ComparisonWork(
                new ResultsProperties(
                        new ResultsProperties.Ingest(
                                2, 5, Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(5)),
                        new ResultsProperties.Analysis(0.10, 0.05, 10_000, 20250101L, threads, queue, 100),
                        new ResultsProperties.DeadLetters(Duration.ofSeconds(30))),
                meters);
        return work;
    }

    @AfterEach
    void stop() {
        work.destroy();
    }

    @Test
    void a_pair_of_runs_is_compared_once_however_often_and_however_concurrently_it_is_asked_for() {
        ComparisonWork work = work(2, 8);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        double[] timesA = times(2_000, 100);
        double[] timesB = times(2_000, 120);

        List<Comparison> answers = Mono.zip(
                        work.compare(a, timesA, b, timesB),
                        work.compare(a, timesA, b, timesB),
                        work.compare(a, timesA, b, timesB))
                .map(t -> List.of(t.getT1(), t.getT2(), t.getT3()))
                .block(Duration.ofSeconds(60));
        Comparison again = work.compare(a, timesA, b, timesB).block(Duration.ofSeconds(60));

        assertThat(answers).containsOnly(again);
        assertThat(meters.counter("benchpulse.results.bootstraps").count()).isEqualTo(1);
        work.compare(b, timesB, a, timesA).block(Duration.ofSeconds(60));
        assertThat(meters.counter("benchpulse.results.bootstraps").count())
                .as("the other direction is another pair")
                .isEqualTo(2);
    }

    @Test
    void more_new_work_than_the_pool_and_its_queue_take_is_refused_at_once() {
        ComparisonWork work = work(1, 1);
        // 10,000 resamples of 5,000 samples keep the one worker busy far longer than the next two calls take
        double[] large = times(5_000, 100);

        Mono<Comparison> running =
                work.compare(UUID.randomUUID(), large, UUID.randomUUID(), large).cache();
        running.subscribe();
        Mono<Comparison> queued =
                work.compare(UUID.randomUUID(), large, UUID.randomUUID(), large).cache();
        queued.subscribe();

        assertThatThrownBy(() -> work.compare(UUID.randomUUID(), large, UUID.randomUUID(), large)
                        .block())
                .isInstanceOf(BusyException.class)
                .hasMessageContaining("busy");
        assertThat(queued.block(Duration.ofSeconds(120)))
                .as("the queued one still completes")
                .isNotNull();
    }

    private static double[] times(int n, double base) {
        return IntStream.range(0, n)
                .mapToDouble(i -> base + (i * 7919 % 101) / 10.0)
                .toArray();
    }
}
