package dev.benchpulse.cli.catalog;

import java.util.ArrayList;
import java.util.List;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The benchmark and runtimes a command works on: {@code <benchmark> [--runtime id]...}. */
public final class BenchmarkSelection {

    @Parameters(index = "0", paramLabel = "<benchmark>", description = "The benchmark's slug (./benchpulse list).")
    String slug;

    @Option(names = {"-r", "--runtime"}, paramLabel = "<runtime>",
            description = "A runtime (repeat for several; default: every available runtime).")
    List<String> runtimes = new ArrayList<>();

    public String slug() {
        return slug;
    }

    /** The runtimes asked for, or every available one the benchmark can run on; checked against the API. */
    public List<String> runtimes(Catalog catalog) {
        return catalog.choose(catalog.benchmark(slug), runtimes);
    }
}
