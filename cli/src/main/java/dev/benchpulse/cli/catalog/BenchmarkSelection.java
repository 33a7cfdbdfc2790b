package dev.benchpulse.cli.catalog;

import dev.benchpulse.cli.api.CliException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The benchmark and runtimes a command works on: {@code <benchmark> [--runtime id]...}. */
public final class BenchmarkSelection {

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "<benchmark>",
            description = "The benchmark's slug (./benchpulse list).")
    String slug;

    @Option(
            names = {"-r", "--runtime"},
            paramLabel = "<runtime>",
            description = "A runtime (repeat for several; default: every available runtime).")
    List<String> runtimes = new ArrayList<>();

    /** The benchmark named; a usage error when none is. */
    public String slug() {
        if (slug == null || slug.isBlank()) {
            throw new CliException("Name a benchmark (./benchpulse list shows them).", CliException.USAGE);
        }
        return slug;
    }

    /** Whether a benchmark is named (a run of several benchmarks names none). */
    public boolean named() {
        return slug != null && !slug.isBlank();
    }

    /** The runtimes asked for, or every available one the benchmark can run on; checked against the API. */
    public List<String> runtimes(Catalog catalog) {
        return catalog.choose(catalog.benchmark(slug()), runtimes);
    }

    /** The runtimes asked for, as given (a run of several benchmarks); every available one when none is. */
    public List<String> runtimesAsGiven(Catalog catalog) {
        return runtimes.isEmpty() ? catalog.availableRuntimes() : List.copyOf(runtimes);
    }
}
