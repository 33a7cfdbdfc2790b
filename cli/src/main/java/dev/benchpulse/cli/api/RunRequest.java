package dev.benchpulse.cli.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * {@code POST /api/runs}: one run per benchmark and runtime. Exactly one of {@code benchmark}, {@code category} and
 * {@code catalog} names the benchmarks.
 *
 * @param benchmark  benchmark slug, or null
 * @param category   every benchmark of a category, or null
 * @param catalog    true for every benchmark, or null
 * @param runtimes   runtime ids
 * @param iterations samples per run
 * @param execution  {@code interleaved} or {@code sequential}; null for the API's default (interleaved)
 * @param blockSize  samples of one runtime in a row when interleaved; null for the API's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunRequest(
        String benchmark,
        String category,
        Boolean catalog,
        List<String> runtimes,
        Integer iterations,
        String execution,
        Integer blockSize) {

    /** One benchmark on these runtimes. */
    public RunRequest(String benchmark, List<String> runtimes, Integer iterations) {
        this(benchmark, null, null, runtimes, iterations, null, null);
    }
}
