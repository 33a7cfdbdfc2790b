package dev.benchpulse.runner.request;

import dev.benchpulse.runner.catalog.Benchmark;
import java.util.List;

/**
 * What a valid run request asks for: per benchmark, the runtimes to run it on; the benchmark and runtime pairs
 * left out because the runtime's PHP does not run that benchmark; and how the runs execute.
 *
 * @param entries     one per benchmark, in request order, each with at least one runtime
 * @param skipped     pairs left out of a request for several benchmarks, with the reason
 * @param iterations  samples per run
 * @param warmup      warmup override (one benchmark only), or null
 * @param inner       inner iterations override (one benchmark only), or null
 * @param interleaved whether a benchmark's runs on several runtimes take their samples in turns on one runner
 * @param blockSize   samples of one runtime in a row before the next runtime's turn
 */
record RunPlan(
        List<Entry> entries,
        List<Skipped> skipped,
        int iterations,
        Integer warmup,
        Integer inner,
        boolean interleaved,
        int blockSize) {

    RunPlan {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }

    /**
     * One benchmark and the runtimes it runs on.
     *
     * @param benchmark the benchmark
     * @param runtimes  runtime ids, in request order
     */
    record Entry(Benchmark benchmark, List<String> runtimes) {

        Entry {
            runtimes = List.copyOf(runtimes);
        }
    }

    /**
     * A benchmark and runtime pair that is not run.
     *
     * @param benchmark slug
     * @param runtime   runtime id
     * @param reason    why
     */
    record Skipped(String benchmark, String runtime, String reason) {}

    int runCount() {
        return entries.stream().mapToInt(e -> e.runtimes().size()).sum();
    }

    long sampleCount() {
        return (long) runCount() * iterations;
    }
}
