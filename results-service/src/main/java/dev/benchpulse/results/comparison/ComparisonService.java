package dev.benchpulse.results.comparison;

import dev.benchpulse.results.problem.BadRequestException;
import dev.benchpulse.results.problem.NotFoundException;
import dev.benchpulse.results.runs.RunRepository;
import dev.benchpulse.results.runs.SampleRepository;
import dev.benchpulse.results.runs.StatisticsRepository;
import dev.benchpulse.results.settings.ResultsProperties;
import dev.benchpulse.results.statistics.ComparisonCalculator;
import dev.benchpulse.results.statistics.Samples;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Compares the latest completed runs of several runtimes on one benchmark. */
@Service
public class ComparisonService {

    static final int MAX_RUNTIMES = 8;

    private final RunRepository runs;
    private final SampleRepository samples;
    private final StatisticsRepository statistics;
    private final ComparisonWork work;
    private final ComparisonCalculator calculator;

    ComparisonService(
            RunRepository runs,
            SampleRepository samples,
            StatisticsRepository statistics,
            ComparisonWork work,
            ResultsProperties properties) {
        this.runs = runs;
        this.samples = samples;
        this.statistics = statistics;
        this.work = work;
        this.calculator = calculator(properties.analysis());
    }

    static ComparisonCalculator calculator(ResultsProperties.Analysis analysis) {
        return new ComparisonCalculator(analysis.bootstrapResamples(), analysis.bootstrapSeed(), analysis.alpha());
    }

    public ComparisonCalculator calculator() {
        return calculator;
    }

    /** Parses {@code a,b[,c…]}: two to eight distinct runtime ids. */
    public static List<String> runtimes(String list) {
        List<String> ids = list == null
                ? List.of()
                : Arrays.stream(list.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        if (ids.size() < 2 || ids.size() > MAX_RUNTIMES) {
            throw new BadRequestException(
                    "runtimes",
                    "Parameter 'runtimes' needs 2 to " + MAX_RUNTIMES
                            + " distinct runtime ids separated by commas, for example runtimes=php-8.2,php-8.3; got '"
                            + list + "'.");
        }
        return ids;
    }

    /** The latest completed run of each runtime with its samples; 404 if one has none. */
    public Flux<Measured> latest(String benchmark, List<String> runtimeIds) {
        return Flux.fromIterable(runtimeIds)
                .concatMap(runtime -> runs.latestCompleted(benchmark, runtime)
                        .switchIfEmpty(Mono.error(() -> NotFoundException.completedRun(benchmark, runtime)))
                        .flatMap(run -> Mono.zip(statistics.find(run.id()), samples.measurements(run.id()))
                                .map(t -> new Measured(
                                        new ComparisonView.RuntimeResult(
                                                runtime, run.id(), run.phpVersion(), run.completedAt(), t.getT1()),
                                        t.getT2()))));
    }

    Mono<ComparisonView> compare(String benchmark, List<String> runtimeIds) {
        return latest(benchmark, runtimeIds)
                .collectList()
                .flatMap(measured -> pairs(measured)
                        .map(pairs -> new ComparisonView(
                                benchmark,
                                calculator.alpha(),
                                measured.stream().map(Measured::result).toList(),
                                pairs)));
    }

    /** Every pair (i, j), i before j in the order asked, each computed once ({@link ComparisonWork}). */
    public Mono<List<ComparisonView.Pair>> pairs(List<Measured> measured) {
        List<Mono<ComparisonView.Pair>> pairs = new ArrayList<>();
        for (int i = 0; i < measured.size(); i++) {
            for (int j = i + 1; j < measured.size(); j++) {
                Measured a = measured.get(i);
                Measured b = measured.get(j);
                pairs.add(work.compare(
                                a.result().runId(),
                                a.samples().times(),
                                b.result().runId(),
                                b.samples().times())
                        .map(c -> new ComparisonView.Pair(
                                a.result().runtime(),
                                b.result().runtime(),
                                c.medianRatio(),
                                c.ci95(),
                                c.mannWhitneyU(),
                                c.pValue(),
                                c.verdict())));
            }
        }
        return Flux.mergeSequential(pairs).collectList();
    }

    /** A runtime's latest completed run and its samples. */
    public record Measured(ComparisonView.RuntimeResult result, Samples samples) {}
}
