package dev.benchpulse.results.comparison;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.benchpulse.results.problem.BusyException;
import dev.benchpulse.results.settings.ResultsProperties;
import dev.benchpulse.results.statistics.Comparison;
import dev.benchpulse.results.statistics.ComparisonCalculator;
import dev.benchpulse.results.statistics.Interval;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The bootstrap computations behind comparisons and exports, each done once: a pair of completed runs (or one run's
 * median interval) never changes and the bootstrap is seeded, so its result is cached by run ids, and concurrent
 * requests for the same result share one computation. New computations run on a small pool with a bounded queue;
 * when the queue is full the request is answered 503 with {@code Retry-After} instead of piling up CPU work, so an
 * uncached comparison of eight runtimes (28 pairs) can be asked for any number of times without costing more than
 * the pool.
 */
@Component
public class ComparisonWork implements DisposableBean {

    private record PairKey(UUID a, UUID b) {}

    private final ComparisonCalculator calculator;
    private final Counter computed;
    private final ThreadPoolExecutor pool;
    private final AsyncCache<PairKey, Comparison> pairs;
    private final AsyncCache<UUID, Interval> medians;

    ComparisonWork(ResultsProperties properties, MeterRegistry meters) {
        ResultsProperties.Analysis analysis = properties.analysis();
        this.calculator = ComparisonService.calculator(analysis);
        this.computed = Counter.builder("benchpulse.results.bootstraps")
                .description("Bootstrap computations done (cached results are not counted again)")
                .register(meters);
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                analysis.comparisonThreads(),
                analysis.comparisonThreads(),
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(analysis.comparisonQueue()),
                task -> {
                    Thread thread = new Thread(task, "comparison-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                new ThreadPoolExecutor.AbortPolicy());
        this.pairs =
                Caffeine.newBuilder().maximumSize(analysis.cachedComparisons()).buildAsync();
        this.medians =
                Caffeine.newBuilder().maximumSize(analysis.cachedComparisons()).buildAsync();
    }

    /** Run {@code a} compared with run {@code b} (their completed samples' times). */
    public Mono<Comparison> compare(UUID a, double[] timesA, UUID b, double[] timesB) {
        return cached(pairs, new PairKey(a, b), () -> calculator.compare(timesA, timesB));
    }

    /** The bootstrap interval of a completed run's median. */
    public Mono<Interval> medianInterval(UUID run, double[] times) {
        return cached(medians, run, () -> calculator.bootstrapMedian(times));
    }

    private <K, V> Mono<V> cached(AsyncCache<K, V> cache, K key, Supplier<V> computation) {
        return Mono.defer(() -> {
            try {
                CompletableFuture<V> result = cache.get(
                        key,
                        (k, executor) -> CompletableFuture.supplyAsync(
                                () -> {
                                    computed.increment();
                                    return computation.get();
                                },
                                pool));
                return Mono.fromFuture(result, true);
            } catch (RejectedExecutionException e) {
                return Mono.error(new BusyException("The service is busy computing other comparisons. Try again"
                        + " in a few seconds; a comparison once computed is answered at once."));
            }
        });
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
