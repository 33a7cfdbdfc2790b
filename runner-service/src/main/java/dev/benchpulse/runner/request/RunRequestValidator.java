package dev.benchpulse.runner.request;

import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.support.problem.ApiProblem;
import dev.benchpulse.support.problem.FieldProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The checks of a run request that need the catalog and the runtimes, turning a shape-valid body into a
 * {@link RunPlan}. A named benchmark that does not exist is a 404 (one benchmark) or a 400 (in a list); each
 * runtime must be configured and available (else 400, per runtime). A runtime whose PHP the benchmark does not run on
 * is refused for a request of one benchmark, and left out of a request of several (listed as skipped), so that
 * "the strings category on PHP 7.4 and 8.5" runs what it can. The size of a request is bounded, and so is the cost
 * of each of its runs (else 400).
 */
class RunRequestValidator {

    private final Catalog catalog;
    private final Runtimes runtimes;
    private final RequestProperties limits;

    RunRequestValidator(Catalog catalog, Runtimes runtimes, RequestProperties limits) {
        this.catalog = catalog;
        this.runtimes = runtimes;
        this.limits = limits;
    }

    RunPlan validate(RunRequestBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Benchmark> benchmarks = benchmarks(body, problems);
        cost(body, benchmarks).ifPresent(problems::add);
        List<String> usable = runtimes(body, problems);
        if (body.severalBenchmarks() && (body.warmupIterations() != null || body.innerIterations() != null)) {
            problems.add(new FieldProblem(
                    body.innerIterations() != null ? "innerIterations" : "warmupIterations",
                    "overrides the catalog for one benchmark only; leave it out when running several"));
        }
        throwIfAny(problems);
        List<RunPlan.Entry> entries = new ArrayList<>();
        List<RunPlan.Skipped> skipped = new ArrayList<>();
        for (Benchmark benchmark : benchmarks) {
            List<String> able = new ArrayList<>();
            for (int i = 0; i < usable.size(); i++) {
                Optional<String> problem =
                        runtimes.problemRunning(benchmark.slug(), benchmark.compatibility(), usable.get(i));
                if (problem.isEmpty()) {
                    able.add(usable.get(i));
                } else if (body.severalBenchmarks()) {
                    skipped.add(new RunPlan.Skipped(benchmark.slug(), usable.get(i), problem.get()));
                } else {
                    problems.add(new FieldProblem(
                            "runtimes[" + body.runtimes().indexOf(usable.get(i)) + "]", problem.get()));
                }
            }
            if (!able.isEmpty()) {
                entries.add(new RunPlan.Entry(benchmark, able));
            }
        }
        throwIfAny(problems);
        RunPlan plan = new RunPlan(
                entries,
                skipped,
                body.iterations(),
                body.warmupIterations(),
                body.innerIterations(),
                body.interleaved(),
                body.resolvedBlockSize());
        checkSize(plan, benchmarks.size());
        return plan;
    }

    private List<Benchmark> benchmarks(RunRequestBody body, List<FieldProblem> problems) {
        if (!body.severalBenchmarks()) {
            return List.of(catalog.get(body.benchmark())); // 404 when unknown
        }
        if (body.benchmarks() != null && !body.benchmarks().isEmpty()) {
            Set<Benchmark> named = new LinkedHashSet<>();
            for (int i = 0; i < body.benchmarks().size(); i++) {
                String slug = body.benchmarks().get(i);
                Optional<Benchmark> found = catalog.find(slug);
                if (found.isEmpty()) {
                    problems.add(new FieldProblem(
                            "benchmarks[" + i + "]",
                            "'" + slug + "' is not in the catalog " + "(GET /api/benchmarks lists it)"));
                } else if (!named.add(found.get())) {
                    problems.add(new FieldProblem(
                            "benchmarks[" + i + "]", "'" + slug + "' is listed twice; list " + "each benchmark once"));
                }
            }
            return List.copyOf(named);
        }
        if (body.category() != null && !body.category().isBlank()) {
            List<Benchmark> inCategory = catalog.benchmarks().stream()
                    .filter(b -> b.category().equals(body.category()))
                    .toList();
            if (inCategory.isEmpty()) {
                Set<String> categories = new TreeSet<>();
                catalog.benchmarks().forEach(b -> categories.add(b.category()));
                problems.add(new FieldProblem(
                        "category",
                        "'" + body.category() + "' has no benchmarks; categories: " + String.join(", ", categories)));
            }
            return inCategory;
        }
        return catalog.benchmarks();
    }

    /** The requested runtimes that exist and are available, each once; problems for the others. */
    private List<String> runtimes(RunRequestBody body, List<FieldProblem> problems) {
        List<String> usable = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < body.runtimes().size(); i++) {
            String id = body.runtimes().get(i);
            String field = "runtimes[" + i + "]";
            if (!seen.add(id)) {
                problems.add(new FieldProblem(field, "'" + id + "' is listed twice; list each runtime once"));
                continue;
            }
            Optional<PhpRuntime> runtime = runtimes.find(id);
            if (runtime.isEmpty()) {
                problems.add(new FieldProblem(
                        field,
                        "unknown runtime '" + id + "'; configured runtimes: " + runtimes + " (GET /api/runtimes)"));
            } else if (!runtime.get().available()) {
                problems.add(new FieldProblem(
                        field,
                        "runtime '" + id + "' is unavailable: " + runtime.get().reason()));
            } else {
                usable.add(id);
            }
        }
        return usable;
    }

    private void checkSize(RunPlan plan, int benchmarks) {
        if (plan.entries().isEmpty()) {
            throw ApiProblem.invalid(
                    "runtimes",
                    "none of these runtimes can run any of the " + benchmarks + " benchmarks: "
                            + plan.skipped().getFirst().reason());
        }
        if (plan.runCount() > limits.maxRuns()) {
            throw ApiProblem.invalid(
                    "runtimes",
                    "asks for " + plan.runCount() + " runs (benchmarks × "
                            + "runtimes), more than the " + limits.maxRuns() + " one request may queue; split it "
                            + "(benchpulse.runner.requests.max-runs)");
        }
        if (plan.sampleCount() > limits.maxSamples()) {
            throw ApiProblem.invalid(
                    "iterations",
                    "asks for " + plan.sampleCount() + " samples (runs × "
                            + "iterations), more than the " + limits.maxSamples()
                            + " one request may queue; take fewer "
                            + "samples or split it (benchpulse.runner.requests.max-samples)");
        }
    }

    private static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
    }

    /**
     * The ceiling on one run's work: every sample runs the code {@code warmupIterations + innerIterations} times
     * (the request's overrides, else the catalog's), so a run costs {@code iterations} times that. Of several
     * benchmarks, the costliest one's run is reported.
     */
    private Optional<FieldProblem> cost(RunRequestBody body, List<Benchmark> benchmarks) {
        Benchmark costliest = null;
        long operations = -1;
        int over = 0;
        for (Benchmark benchmark : benchmarks) {
            long cost = body.iterations() * (warmup(body, benchmark) + inner(body, benchmark));
            over += cost > limits.maxOperations() ? 1 : 0;
            if (cost > operations) {
                costliest = benchmark;
                operations = cost;
            }
        }
        if (over == 0) {
            return Optional.empty();
        }
        String which = benchmarks.size() == 1
                ? ""
                : " (benchmark '" + costliest.slug() + "', the costliest of " + over + " over the ceiling)";
        return Optional.of(new FieldProblem(
                "iterations",
                "a run of " + body.iterations() + " samples of "
                        + warmup(body, costliest) + " warm-up and " + inner(body, costliest) + " inner iterations"
                        + which
                        + " costs " + operations + " operations, more than the " + limits.maxOperations()
                        + " one run may cost; take fewer samples or fewer inner iterations"));
    }

    private static long warmup(RunRequestBody body, Benchmark benchmark) {
        return body.warmupIterations() != null ? body.warmupIterations() : benchmark.warmupIterations();
    }

    private static long inner(RunRequestBody body, Benchmark benchmark) {
        return body.innerIterations() != null ? body.innerIterations() : benchmark.innerIterations();
    }
}
