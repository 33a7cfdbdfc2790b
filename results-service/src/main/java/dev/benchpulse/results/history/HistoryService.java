package dev.benchpulse.results.history;

import dev.benchpulse.results.comparison.ComparisonService;
import dev.benchpulse.results.runs.Run;
import dev.benchpulse.results.runs.RunRepository;
import dev.benchpulse.results.runs.SampleRepository;
import dev.benchpulse.results.runs.StatisticsRepository;
import dev.benchpulse.results.statistics.RunStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Builds the history of a benchmark on a runtime and checks each run against its baseline. */
@Service
class HistoryService {

    private final RunRepository runs;
    private final StatisticsRepository statistics;
    private final SampleRepository samples;
    private final BaselineRepository baselines;
    private final Thresholds thresholds;
    private final ComparisonService comparisons;

    HistoryService(
            RunRepository runs,
            StatisticsRepository statistics,
            SampleRepository samples,
            BaselineRepository baselines,
            Thresholds thresholds,
            ComparisonService comparisons) {
        this.runs = runs;
        this.statistics = statistics;
        this.samples = samples;
        this.baselines = baselines;
        this.thresholds = thresholds;
        this.comparisons = comparisons;
    }

    Mono<HistoryView> history(String benchmark, String runtime) {
        Mono<List<Entry>> entries = runs.completed(benchmark, runtime)
                .concatMap(run -> statistics.find(run.id()).map(s -> new Entry(run, s)))
                .collectList();
        Mono<Optional<UUID>> pinned = baselines
                .find(benchmark, runtime)
                .map(b -> Optional.of(b.runId()))
                .defaultIfEmpty(Optional.empty());
        return Mono.zip(entries, pinned, thresholds.of(benchmark)).flatMap(t -> {
            List<HistoryView.Point> points = points(t.getT1(), t.getT2().orElse(null), t.getT3());
            return latestCheck(points, t.getT2().orElse(null), t.getT3())
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .map(check -> new HistoryView(
                            benchmark, runtime, t.getT3(), t.getT2().orElse(null), points, check.orElse(null)));
        });
    }

    static List<HistoryView.Point> points(List<Entry> entries, UUID pinned, double threshold) {
        Entry pinnedEntry = entries.stream()
                .filter(e -> e.run().id().equals(pinned))
                .findFirst()
                .orElse(null);
        List<HistoryView.Point> points = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            Entry baseline = pinnedEntry != null && pinnedEntry != entry
                    ? pinnedEntry
                    : i > 0 && pinnedEntry == null ? entries.get(i - 1) : null;
            points.add(point(entry, baseline, threshold));
        }
        return points;
    }

    private static HistoryView.Point point(Entry entry, Entry baseline, double threshold) {
        RunStatistics s = entry.statistics();
        Double change =
                baseline == null ? null : s.median() / baseline.statistics().median() - 1;
        return new HistoryView.Point(
                entry.run().id(),
                entry.run().completedAt(),
                s.median(),
                s.mean(),
                s.ci95(),
                s.n(),
                entry.run().phpVersion(),
                baseline == null ? null : baseline.run().id(),
                change,
                change != null && change > threshold);
    }

    private Mono<HistoryView.RegressionCheck> latestCheck(
            List<HistoryView.Point> points, UUID pinned, double threshold) {
        if (points.isEmpty() || points.getLast().baselineRunId() == null) {
            return Mono.empty();
        }
        HistoryView.Point latest = points.getLast();
        return Mono.zip(samples.measurements(latest.runId()), samples.measurements(latest.baselineRunId()))
                .map(t -> new HistoryView.RegressionCheck(
                        latest.runId(),
                        latest.baselineRunId(),
                        latest.baselineRunId().equals(pinned),
                        latest.change(),
                        threshold,
                        latest.regression(),
                        comparisons
                                .calculator()
                                .mannWhitneyPValue(t.getT1().times(), t.getT2().times())));
    }

    record Entry(Run run, RunStatistics statistics) {}
}
