package dev.benchpulse.runner.catalog;

import static dev.benchpulse.runner.TestFixtures.execution;
import static dev.benchpulse.runner.TestFixtures.executor;
import static dev.benchpulse.runner.TestFixtures.local;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.runner.TestFixtures;
import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.run.SampleExecutor;
import dev.benchpulse.runner.run.SampleOutcome;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.testsupport.InstalledPhp;
import jakarta.validation.Validation;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The repository's catalog ({@code ../benchmarks}) as shipped: every file valid, large and varied enough, and every
 * benchmark running once (one short sample) on the local PHP and on the oldest and the newest PHP installed by
 * {@code ./benchpulse php install} ({@code BENCHPULSE_PHP_DIR}, else {@code .benchpulse/php} in the repository),
 * two at a time. A benchmark whose PHP versions exclude a runtime is skipped there with the reason, and so is a
 * whole installed runtime when no version is installed: skipped tests are reported, never passed silently.
 */
class CatalogExecutionIntegrationTests {

    static final Path CATALOG = Path.of("..", "benchmarks");
    static final int WARMUP = 1;
    static final int INNER = 10;

    static Catalog catalog;
    static Map<String, Optional<PhpRuntime>> runtimes;
    static ExecutorService pool;
    static Map<String, Map<String, CompletableFuture<SampleOutcome>>> outcomes = new LinkedHashMap<>();
    static final List<String> skipped = new ArrayList<>();

    @BeforeAll
    static void runEveryBenchmark() {
        catalog = new CatalogLoader(Validation.buildDefaultValidatorFactory().getValidator()).load(CATALOG);
        runtimes = underTest();
        SampleExecutor executor = executor(execution(Duration.ofSeconds(30), "512M", null));
        pool = Executors.newFixedThreadPool(2);
        runtimes.forEach((label, runtime) -> runtime.ifPresent(php -> {
            Map<String, CompletableFuture<SampleOutcome>> byBenchmark = new LinkedHashMap<>();
            catalog.benchmarks().stream()
                    .filter(b -> php.canRun(b.compatibility()))
                    .forEach(b -> byBenchmark.put(
                            b.slug(),
                            CompletableFuture.supplyAsync(
                                    () -> executor.run(
                                            php,
                                            b.withIterations(Math.min(WARMUP, b.warmupIterations()), INNER),
                                            Cancellation.none()),
                                    pool)));
            outcomes.put(label, byBenchmark);
        }));
    }

    /** The local PHP, and the oldest and newest installed versions (empty when none is installed). */
    static Map<String, Optional<PhpRuntime>> underTest() {
        Path installed = InstalledPhp.directory();
        Runtimes all = new Runtimes(
                TestFixtures.properties(installed, local("php", List.of())),
                new ProcessRunner(64 * 1024),
                Clock.systemUTC());
        List<String> versions = InstalledPhp.versions();
        Map<String, Optional<PhpRuntime>> chosen = new LinkedHashMap<>();
        chosen.put("local PHP", all.find("php"));
        chosen.put(
                "oldest installed PHP",
                versions.stream().findFirst().flatMap(v -> all.find("php-" + v)).filter(PhpRuntime::available));
        chosen.put(
                "newest installed PHP",
                versions.stream()
                        .reduce((a, b) -> b)
                        .flatMap(v -> all.find("php-" + v))
                        .filter(PhpRuntime::available));
        return chosen;
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
        skipped.forEach(System.out::println);
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
        Map<String, List<Benchmark>> groups = new LinkedHashMap<>();
        catalog.benchmarks()
                .forEach(b -> groups.computeIfAbsent(b.group(), g -> new ArrayList<>())
                        .add(b));
        assertThat(groups).allSatisfy((group, members) -> {
            assertThat(members).as("members of group %s", group).hasSizeGreaterThanOrEqualTo(2);
            assertThat(members.stream().map(Benchmark::category).distinct())
                    .as("categories of group %s", group)
                    .hasSize(1);
        });
    }

    @TestFactory
    Stream<DynamicNode> every_benchmark_runs_once_on_the_local_php_and_the_oldest_and_newest_installed_php() {
        return runtimes.entrySet().stream()
                .map(entry -> entry.getValue().isEmpty()
                        ? DynamicTest.dynamicTest(
                                entry.getKey(),
                                () -> Assumptions.abort(skip(entry.getKey() + ": " + notAvailable(entry.getKey()))))
                        : DynamicContainer.dynamicContainer(
                                entry.getKey() + " (" + entry.getValue().get().id() + ", PHP "
                                        + entry.getValue().get().phpVersion() + ")",
                                catalog.benchmarks().stream()
                                        .map(benchmark -> DynamicTest.dynamicTest(
                                                benchmark.slug(),
                                                () -> runs(
                                                        entry.getKey(),
                                                        entry.getValue().get(),
                                                        benchmark)))));
    }

    private static void runs(String label, PhpRuntime php, Benchmark benchmark) {
        assertThat(php.available())
                .as("%s is available: %s", php.id(), php.reason())
                .isTrue();
        if (!php.canRun(benchmark.compatibility())) {
            Assumptions.abort(skip(benchmark.slug() + " on " + php.id() + ": needs "
                    + benchmark.compatibility().explain() + ", " + php.id() + " is PHP " + php.phpVersion()));
        }
        SampleOutcome outcome = outcomes.get(label).get(benchmark.slug()).join();
        assertThat(outcome)
                .as("%s on %s (PHP %s): %s", benchmark.slug(), php.id(), php.phpVersion(), outcome)
                .isInstanceOf(SampleOutcome.Measured.class);
    }

    private static String notAvailable(String label) {
        return InstalledPhp.versions().isEmpty()
                ? "no PHP version is installed in " + InstalledPhp.directory()
                        + ": run ./benchpulse php install 7.4 8.5 (or set BENCHPULSE_PHP_DIR)"
                : "installed but not available as a runtime: " + InstalledPhp.versions();
    }

    private static synchronized String skip(String why) {
        String line = "SKIPPED " + why;
        skipped.add(line);
        return line;
    }
}
