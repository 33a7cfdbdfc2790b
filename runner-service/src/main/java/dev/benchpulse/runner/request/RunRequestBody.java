package dev.benchpulse.runner.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The body of {@code POST /api/runs}: one run per benchmark and runtime, the benchmarks named by exactly one of
 * {@code benchmark}, {@code benchmarks}, {@code category} or {@code catalog}.
 *
 * @param benchmark        slug of one catalog benchmark
 * @param benchmarks       slugs of several
 * @param category         every benchmark of a category
 * @param catalog          {@code true}: every benchmark of the catalog
 * @param runtimes         ids of the runtimes to run them on
 * @param iterations       samples per run, 1..10000
 * @param warmupIterations optional override of the benchmark's warmup iterations (one benchmark only)
 * @param innerIterations  optional override of the benchmark's inner iterations (one benchmark only)
 * @param execution        {@code interleaved} (default): a benchmark's runs on several runtimes take their samples
 *                         in turns on one runner; {@code sequential}: each run on its own, one after another
 * @param blockSize        samples of one runtime taken in a row before the next runtime's turn (interleaved; default 1)
 */
@OneSelection
record RunRequestBody(
        String benchmark,

        @Size(max = 1000, message = "must list at most 1000 benchmarks")
        List<@NotBlank(message = "must be a benchmark slug, e.g. \"str-contains-native\"") String> benchmarks,

        String category,

        Boolean catalog,

        @NotEmpty(
                message = "is required: a non-empty list of runtime ids, e.g. [\"php\", \"php-jit\"] "
                        + "(GET /api/runtimes lists them)")
        @Size(max = 50, message = "must list at most 50 runtimes")
        List<@NotBlank(message = "must be a runtime id, e.g. \"php\"") String> runtimes,

        @NotNull(message = "is required: the number of samples to take, from 1 to 10000")
        @Min(value = 1, message = "must be between 1 and 10000 (got ${validatedValue})")
        @Max(
                value = 10_000,
                message = "must be between 1 and 10000 (got ${validatedValue}); start several runs for more")
        Integer iterations,

        @Min(value = 0, message = "must be 0 or more (got ${validatedValue}); leave it out to keep the catalog's value")
        @Max(value = 1_000_000_000, message = "must be at most 1000000000 (got ${validatedValue})")
        Integer warmupIterations,

        @Min(value = 1, message = "must be 1 or more (got ${validatedValue}); leave it out to keep the catalog's value")
        @Max(value = 1_000_000_000, message = "must be at most 1000000000 (got ${validatedValue})")
        Integer innerIterations,

        @Pattern(
                regexp = "interleaved|sequential",
                message = "must be \"interleaved\" (samples of the runtimes in "
                        + "turns, the default) or \"sequential\" (each run on its own)")
        String execution,

        @Min(value = 1, message = "must be between 1 and 10000 (got ${validatedValue})")
        @Max(value = 10_000, message = "must be between 1 and 10000 (got ${validatedValue})")
        Integer blockSize) {

    /** Whether the runs of a benchmark on several runtimes take turns on one runner (the default). */
    boolean interleaved() {
        return !"sequential".equals(execution);
    }

    int resolvedBlockSize() {
        return blockSize == null ? 1 : blockSize;
    }

    /** Whether the request names more than the one benchmark a single-benchmark request names. */
    boolean severalBenchmarks() {
        return benchmark == null;
    }
}
