package dev.benchpulse.runner.request;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * The body of {@code POST /api/runs}: one run of {@code benchmark} per runtime.
 *
 * @param benchmark        slug of a catalog benchmark
 * @param runtimes         ids of the runtimes to run it on
 * @param iterations       samples per run, 1..10000
 * @param warmupIterations optional override of the benchmark's warmup iterations
 * @param innerIterations  optional override of the benchmark's inner iterations
 */
record RunRequestBody(
        @NotBlank(message = "is required: the slug of a catalog benchmark, e.g. \"str-contains-native\" "
                + "(GET /api/benchmarks lists them)")
        String benchmark,

        @NotEmpty(message = "is required: a non-empty list of runtime ids, e.g. [\"php\", \"php-jit\"] "
                + "(GET /api/runtimes lists them)")
        List<@NotBlank(message = "must be a runtime id, e.g. \"php\"") String> runtimes,

        @NotNull(message = "is required: the number of samples to take, from 1 to 10000")
        @Min(value = 1, message = "must be between 1 and 10000 (got ${validatedValue})")
        @Max(value = 10_000, message = "must be between 1 and 10000 (got ${validatedValue}); start several runs for more")
        Integer iterations,

        @Min(value = 0, message = "must be 0 or more (got ${validatedValue}); leave it out to keep the catalog's value")
        @Max(value = 1_000_000_000, message = "must be at most 1000000000 (got ${validatedValue})")
        Integer warmupIterations,

        @Min(value = 1, message = "must be 1 or more (got ${validatedValue}); leave it out to keep the catalog's value")
        @Max(value = 1_000_000_000, message = "must be at most 1000000000 (got ${validatedValue})")
        Integer innerIterations) {
}
