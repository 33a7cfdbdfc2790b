package dev.benchpulse.runner.catalog;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The benchmarks this runner offers, loaded once at start-up, and the files it left out with their problems.
 *
 * @param directory  where the catalog was read from
 * @param benchmarks the valid benchmarks, ordered by category, group and slug
 * @param problems   what is wrong with the files left out
 */
public record Catalog(Path directory, List<Benchmark> benchmarks, List<CatalogProblem> problems) {

    public Catalog {
        benchmarks = List.copyOf(benchmarks);
        problems = List.copyOf(problems);
    }

    public Optional<Benchmark> find(String slug) {
        return benchmarks.stream().filter(b -> b.slug().equals(slug)).findFirst();
    }

    /** The benchmark of {@code slug}; fails with a 404-mapped exception when the catalog has none. */
    public Benchmark get(String slug) {
        return find(slug).orElseThrow(() -> new UnknownBenchmarkException(slug));
    }

    public long categoryCount() {
        return benchmarks.stream().map(Benchmark::category).distinct().count();
    }

    /** Slugs of the other benchmarks of the same group: the alternatives worth comparing. */
    public List<String> alternativesOf(Benchmark benchmark) {
        return benchmarks.stream()
                .filter(b -> b.group().equals(benchmark.group()) && !b.slug().equals(benchmark.slug()))
                .map(Benchmark::slug)
                .toList();
    }
}
