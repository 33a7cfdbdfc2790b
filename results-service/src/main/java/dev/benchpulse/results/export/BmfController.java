package dev.benchpulse.results.export;

import dev.benchpulse.results.comparison.ComparisonService;
import dev.benchpulse.results.comparison.ComparisonWork;
import dev.benchpulse.results.problem.NotFoundException;
import dev.benchpulse.results.runs.Run;
import dev.benchpulse.results.runs.RunQueries;
import dev.benchpulse.results.runs.RunStatus;
import dev.benchpulse.results.runs.SampleRepository;
import dev.benchpulse.results.statistics.Interval;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /api/runs/{id}/bmf} and {@code GET /api/benchmarks/{slug}/comparison/bmf?runtimes=}. */
@RestController
class BmfController {

    private final RunQueries runs;
    private final SampleRepository samples;
    private final ComparisonService comparisons;
    private final ComparisonWork work;
    private final BmfExporter exporter;

    BmfController(
            RunQueries runs,
            SampleRepository samples,
            ComparisonService comparisons,
            ComparisonWork work,
            BmfExporter exporter) {
        this.runs = runs;
        this.samples = samples;
        this.comparisons = comparisons;
        this.work = work;
        this.exporter = exporter;
    }

    @GetMapping("/api/runs/{id}/bmf")
    Mono<Map<String, Map<String, BmfMetric>>> run(@PathVariable UUID id) {
        return runs.run(id)
                .flatMap(run -> Mono.zip(runs.statisticsOf(run), samples.measurements(id))
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("Run " + id + " has no samples yet, so "
                                + "there is nothing to export. Export it once it has measured samples.")))
                        .flatMap(t -> latency(run, t.getT2().times())
                                .map(latency -> exporter.run(run.benchmark(), run.runtime(), t.getT1(), latency))));
    }

    /** A completed run's interval is computed once; a run still going is computed each time (its samples grow). */
    private Mono<Interval> latency(Run run, double[] times) {
        return run.runStatus() == RunStatus.COMPLETED
                ? work.medianInterval(run.id(), times)
                : Mono.fromCallable(() -> comparisons.calculator().bootstrapMedian(times))
                        .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/benchmarks/{slug}/comparison/bmf")
    Mono<Map<String, Map<String, BmfMetric>>> comparison(@PathVariable String slug, @RequestParam String runtimes) {
        List<String> ids = ComparisonService.runtimes(runtimes);
        return runs.requireBenchmark(slug)
                .then(comparisons.latest(slug, ids).collectList())
                .flatMap(measured -> Mono.zip(
                                comparisons.pairs(measured),
                                Flux.fromIterable(measured)
                                        .flatMapSequential(m -> work.medianInterval(
                                                m.result().runId(), m.samples().times()))
                                        .collectList())
                        .map(t -> exporter.comparison(slug, measured, t.getT1(), t.getT2())));
    }
}
