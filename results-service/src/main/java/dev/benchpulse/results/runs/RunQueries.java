package dev.benchpulse.results.runs;

import dev.benchpulse.results.statistics.RunStatistics;
import dev.benchpulse.results.statistics.RunStatisticsCalculator;
import dev.benchpulse.results.system.NotFoundException;

import java.util.UUID;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Runs with their statistics and sample counts, as the API serves them. */
@Service
public class RunQueries {

    private final RunRepository runs;
    private final SampleRepository samples;
    private final StatisticsRepository statistics;

    RunQueries(RunRepository runs, SampleRepository samples, StatisticsRepository statistics) {
        this.runs = runs;
        this.samples = samples;
        this.statistics = statistics;
    }

    /** The run, or a 404 problem naming the id. */
    public Mono<Run> run(UUID id) {
        return runs.findById(id).switchIfEmpty(Mono.error(() -> NotFoundException.run(id)));
    }

    /** The run with the statistics of its samples: stored once completed, computed on the fly before. */
    Mono<RunView> view(UUID id) {
        return run(id).flatMap(run -> statisticsOf(run)
                .map(s -> RunView.of(run, s.n(), s))
                .switchIfEmpty(Mono.defer(() -> samples.count(id).map(n -> RunView.of(run, n, null)))));
    }

    /** A page of runs; each with its stored statistics (computed ones are only in the single-run view). */
    Mono<RunPage> list(RunRepository.RunFilter filter, int page, int size) {
        Mono<java.util.List<RunView>> items = runs.list(filter, page, size)
                .concatMap(run -> statistics.find(run.id())
                        .map(s -> RunView.of(run, s.n(), s))
                        .switchIfEmpty(Mono.defer(() -> samples.count(run.id()).map(n -> RunView.of(run, n, null)))))
                .collectList();
        return Mono.zip(items, runs.count(filter)).map(t -> new RunPage(t.getT1(), page, size, t.getT2()));
    }

    /** Stored statistics of a completed run, computed ones of any other run with samples. */
    public Mono<RunStatistics> statisticsOf(Run run) {
        if (run.runStatus() == RunStatus.COMPLETED) {
            return statistics.find(run.id());
        }
        return samples.measurements(run.id()).mapNotNull(RunStatisticsCalculator::of);
    }
}
