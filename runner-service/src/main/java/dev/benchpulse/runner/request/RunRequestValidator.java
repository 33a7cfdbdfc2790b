package dev.benchpulse.runner.request;

import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.problem.FieldProblem;
import dev.benchpulse.runner.problem.InvalidRequestException;
import dev.benchpulse.runner.runtime.Runtimes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a run request that need the catalog and the runtimes: the benchmark exists (else 404), the run costs
 * no more than the ceiling (else 400), and each runtime is configured, available and runs a PHP recent enough for
 * the benchmark (else 400, per runtime).
 */
class RunRequestValidator {

    private final Catalog catalog;
    private final Runtimes runtimes;
    private final long maxOperations;

    RunRequestValidator(Catalog catalog, Runtimes runtimes, long maxOperations) {
        this.catalog = catalog;
        this.runtimes = runtimes;
        this.maxOperations = maxOperations;
    }

    /** The benchmark of a shape-valid request; throws when it or a runtime cannot be used. */
    Benchmark validate(RunRequestBody body) {
        Benchmark benchmark = catalog.get(body.benchmark());
        List<FieldProblem> problems = new ArrayList<>();
        cost(body, benchmark).ifPresent(problems::add);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < body.runtimes().size(); i++) {
            String id = body.runtimes().get(i);
            String field = "runtimes[" + i + "]";
            if (!seen.add(id)) {
                problems.add(new FieldProblem(field, "'" + id + "' is listed twice; list each runtime once"));
                continue;
            }
            runtimes.problemRunning(benchmark.slug(), benchmark.requiredPhp(), id)
                    .ifPresent(problem -> problems.add(new FieldProblem(field, problem)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return benchmark;
    }

    /**
     * The ceiling on one run's work: every sample runs the code {@code warmupIterations + innerIterations} times
     * (the request's overrides, else the catalog's), so a run costs {@code iterations} times that.
     */
    private Optional<FieldProblem> cost(RunRequestBody body, Benchmark benchmark) {
        long warmup = body.warmupIterations() != null ? body.warmupIterations() : benchmark.warmupIterations();
        long inner = body.innerIterations() != null ? body.innerIterations() : benchmark.innerIterations();
        long operations = body.iterations() * (warmup + inner);
        if (operations <= maxOperations) {
            return Optional.empty();
        }
        return Optional.of(new FieldProblem("iterations", "a run of " + body.iterations() + " samples of " + warmup
                + " warm-up and " + inner + " inner iterations costs " + operations + " operations, more than the "
                + maxOperations + " one run may cost; take fewer samples or fewer inner iterations"));
    }
}
