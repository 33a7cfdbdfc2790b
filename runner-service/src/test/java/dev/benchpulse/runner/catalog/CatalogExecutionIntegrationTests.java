package dev.benchpulse.runner.catalog;

import static dev.benchpulse.runner.TestFixtures.execution;
import static dev.benchpulse.runner.TestFixtures.executor;
import static dev.benchpulse.runner.TestFixtures.local;
import static dev.benchpulse.runner.TestFixtures.runtime;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.run.SampleExecutor;
import dev.benchpulse.runner.run.SampleOutcome;
import dev.benchpulse.runner.runtime.PhpRuntime;

import jakarta.validation.Validation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The repository's catalog ({@code ../benchmarks}) as shipped: every file valid, large and varied enough, and every
 * benchmark running on the local PHP (one short sample each, two at a time). A benchmark needing a newer PHP than
 * the local one is reported as skipped, not failed.
 */
class CatalogExecutionIntegrationTests {

    static final Path CATALOG = Path.of("..", "benchmarks");
    static final int WARMUP = 1;
    static final int INNER = 10;

    static Catalog catalog;
    static PhpRuntime php;
    static ExecutorService pool;
    static Map<String, CompletableFuture<SampleOutcome>> outcomes;

    @BeforeAll
    static void runEveryBenchmark() {
        catalog = new CatalogLoader(Validation.buildDefaultValidatorFactory().getValidator()).load(CATALOG);
        php = runtime(local("php", List.of()));
        SampleExecutor executor = executor(execution(Duration.ofSeconds(30), "512M", null));
        pool = Executors.newFixedThreadPool(2);
        outcomes = catalog.benchmarks().stream()
                .filter(b -> php.canRun(b.compatibility()))
                .collect(Collectors.toMap(Benchmark::slug, b -> CompletableFuture.supplyAsync(
                        () -> executor.run(php, b.withIterations(Math.min(WARMUP, b.warmupIterations()), INNER),
                                Cancellation.none()), pool), (a, b) -> a));
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        catalog.benchmarks().stream().filter(b -> !php.canRun(b.compatibility())).forEach(b -> System.out.println(
                "SKIPPED " + b.slug() + ": needs PHP " + b.minPhpVersion() + ", the local PHP is " + php.phpVersion()));
    }

    @Test
    void every_catalog_file_is_valid() {
        assertThat(catalog.problems()).as("catalog files left out").isEmpty();
    }

    @Test
    void the_catalog_covers_at_least_60_benchmarks_in_15_categories() {
        assertThat(catalog.benchmarks()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(catalog.categoryCount()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void every_group_offers_alternatives_of_one_category() {
        Map<String, List<Benchmark>> groups = catalog.benchmarks().stream()
                .collect(Collectors.groupingBy(Benchmark::group));
        assertThat(groups).allSatisfy((group, members) -> {
            assertThat(members).as("members of group %s", group).hasSizeGreaterThanOrEqualTo(2);
            assertThat(members.stream().map(Benchmark::category).distinct()).as("categories of group %s", group)
                    .hasSize(1);
        });
    }

    @TestFactory
    Stream<DynamicTest> every_benchmark_runs_on_the_local_php() {
        return catalog.benchmarks().stream().map(benchmark -> DynamicTest.dynamicTest(benchmark.slug(), () -> {
            Assumptions.assumeTrue(php.canRun(benchmark.compatibility()), () -> "SKIPPED " + benchmark.slug()
                    + ": needs PHP " + benchmark.minPhpVersion() + ", the local PHP is " + php.phpVersion());
            SampleOutcome outcome = outcomes.get(benchmark.slug()).join();
            assertThat(outcome).as("%s: %s", benchmark.slug(), outcome).isInstanceOf(SampleOutcome.Measured.class);
        }));
    }
}
