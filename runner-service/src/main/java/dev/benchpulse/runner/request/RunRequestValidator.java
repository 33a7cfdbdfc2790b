package dev.benchpulse.runner.request;

import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.problem.FieldProblem;
import dev.benchpulse.runner.problem.InvalidRequestException;
import dev.benchpulse.runner.runtime.Runtimes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks of a run request that need the catalog and the runtimes: the benchmark exists (else 404), and each
 * runtime is configured, available and runs a PHP recent enough for the benchmark (else 400, per runtime).
 */
class RunRequestValidator {

    private final Catalog catalog;
    private final Runtimes runtimes;

    RunRequestValidator(Catalog catalog, Runtimes runtimes) {
        this.catalog = catalog;
        this.runtimes = runtimes;
    }

    /** The benchmark of a shape-valid request; throws when it or a runtime cannot be used. */
    Benchmark validate(RunRequestBody body) {
        Benchmark benchmark = catalog.get(body.benchmark());
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < body.runtimes().size(); i++) {
            String id = body.runtimes().get(i);
            String field = "runtimes[" + i + "]";
            if (!seen.add(id)) {
                problems.add(new FieldProblem(field, "'" + id + "' is listed twice; list each runtime once"));
                continue;
            }
            runtimes.problemRunning(benchmark.slug(), benchmark.compatibility(), id)
                    .ifPresent(problem -> problems.add(new FieldProblem(field, problem)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return benchmark;
    }
}
