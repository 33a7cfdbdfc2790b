package dev.benchpulse.results.runs;

import dev.benchpulse.results.problem.NotFoundException;
import dev.benchpulse.results.statistics.RunStatistics;
import dev.benchpulse.results.statistics.RunStatisticsCalculator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Runs with their statistics and sample counts, as the API serves them. */
@Service
public class RunQueries {

    private final RunRepository runs;
    private final SampleRepository samples;
    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {};

    private final StatisticsRepository statistics;
    private final JsonMapper json;

    RunQueries(RunRepository runs, SampleRepository samples, StatisticsRepository statistics, JsonMapper json) {
        this.runs = runs;
        this.samples = samples;
        this.statistics = statistics;
        this.json = json;
    }

    /** The run, or a 404 problem naming the id. */
    public Mono<Run> run(UUID id) {
        return runs.findById(id).switchIfEmpty(Mono.error(() -> NotFoundException.run(id)));
    }

    /**
     * Completes when the benchmark is known here, else fails with a 404 problem. The results service knows a benchmark
     * from its first run request: the runner accepts requests only for benchmarks of its catalog, so a slug without
     * runs is one the catalog never had (or whose runs were never requested), and nothing is read or written for it.
     */
    public Mono<Void> requireBenchmark(String benchmark) {
        return runs.anyOf(benchmark)
                .flatMap(known -> known ? Mono.<Void>empty() : Mono.error(NotFoundException.benchmark(benchmark)));
    }

    /** The run with the statistics of its samples: stored once completed, computed on the fly before. */
    Mono<RunView> view(UUID id) {
        return run(id).flatMap(run -> missing(run)
                .flatMap(missing -> statisticsOf(run)
                        .map(s -> view(run, s.n(), s, missing))
                        .switchIfEmpty(Mono.defer(() -> samples.count(id).map(n -> view(run, n, null, missing))))));
    }

    /** A page of runs; each with its stored statistics (computed ones are only in the single-run view). */
    Mono<RunPage> list(RunRepository.RunFilter filter, int page, int size) {
        Mono<List<RunView>> items = runs.list(filter, page, size)
                .concatMap(run -> missing(run)
                        .flatMap(missing -> statistics
                                .find(run.id())
                                .map(s -> view(run, s.n(), s, missing))
                                .switchIfEmpty(Mono.defer(
                                        () -> samples.count(run.id()).map(n -> view(run, n, null, missing))))))
                .collectList();
        return Mono.zip(items, runs.count(filter)).map(t -> new RunPage(t.getT1(), page, size, t.getT2()));
    }

    /** The iterations a finished runner took that are not stored; empty (none to report) for a completed run. */
    private Mono<Optional<List<Integer>>> missing(Run run) {
        if (run.samplesTaken() == null || run.runStatus() == RunStatus.COMPLETED) {
            return Mono.just(run.runStatus() == RunStatus.COMPLETED ? Optional.of(List.of()) : Optional.empty());
        }
        return samples.missingIterations(run.id(), run.samplesTaken())
                .collectList()
                .map(Optional::of);
    }

    private RunView view(Run run, int completedIterations, RunStatistics statistics, Optional<List<Integer>> missing) {
        Map<String, String> settings = run.runtimeSettings() == null
                ? Map.of()
                : json.readValue(run.runtimeSettings().asString(), SETTINGS);
        return RunView.of(run, settings, completedIterations, statistics, missing.orElse(null));
    }

    /** Stored statistics of a completed run, computed ones of any other run with samples. */
    public Mono<RunStatistics> statisticsOf(Run run) {
        if (run.runStatus() == RunStatus.COMPLETED) {
            return statistics.find(run.id());
        }
        return samples.measurements(run.id()).mapNotNull(RunStatisticsCalculator::of);
    }
}
