package dev.benchpulse.results.versions;

import dev.benchpulse.results.comparison.ComparisonService;
import dev.benchpulse.results.comparison.ComparisonWork;
import dev.benchpulse.results.problem.BadRequestException;
import dev.benchpulse.results.problem.NotFoundException;
import dev.benchpulse.results.runs.SampleRepository;
import dev.benchpulse.results.statistics.ComparisonCalculator;
import dev.benchpulse.results.statistics.Samples;
import dev.benchpulse.results.statistics.Verdict;
import dev.benchpulse.results.versions.LatestRuns.Latest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The per-version view of a benchmark and the catalog's speed-up between two runtimes. The bootstrap behind each
 * ratio to the baseline is computed once per pair of runs and on the bounded comparison pool
 * ({@link ComparisonWork}), like every comparison.
 */
@Service
class VersionsService {

    private final LatestRuns latest;
    private final SampleRepository samples;
    private final ComparisonCalculator calculator;
    private final ComparisonWork work;
    private final JsonMapper json;

    VersionsService(
            LatestRuns latest,
            SampleRepository samples,
            ComparisonService comparisons,
            ComparisonWork work,
            JsonMapper json) {
        this.latest = latest;
        this.samples = samples;
        this.calculator = comparisons.calculator();
        this.work = work;
        this.json = json;
    }

    /** Every runtime's latest completed run of {@code benchmark} against {@code baseline} (default: the oldest). */
    Mono<VersionsView> versions(String benchmark, String baseline) {
        return latest.ofBenchmark(benchmark).collectList().flatMap(runs -> {
            if (runs.isEmpty()) {
                return Mono.error(new NotFoundException("Benchmark '" + benchmark + "' has no completed run. Run it "
                        + "first (POST /api/runs), on several PHP versions to compare them."));
            }
            List<Latest> ordered = runs.stream()
                    .sorted(Comparator.comparing((Latest r) -> Version.of(r.phpVersion()))
                            .thenComparing(this::jit)
                            .thenComparing(Latest::runtime))
                    .toList();
            Latest base = baseline == null || baseline.isBlank()
                    ? ordered.stream().filter(r -> !jit(r)).findFirst().orElse(ordered.getFirst())
                    : ordered.stream()
                            .filter(r -> r.runtime().equals(baseline))
                            .findFirst()
                            .orElseThrow(() -> new BadRequestException(
                                    "baseline",
                                    "Runtime '" + baseline + "' has no completed "
                                            + "run of " + benchmark + "; choose a baseline among "
                                            + ordered.stream()
                                                    .map(Latest::runtime)
                                                    .collect(Collectors.joining(", ")) + "."));
            return Flux.fromIterable(ordered)
                    .concatMap(r -> samples.measurements(r.id()).map(s -> Map.entry(r, s)))
                    .collectList()
                    .flatMap(measured -> view(benchmark, base, measured));
        });
    }

    private Mono<VersionsView> view(String benchmark, Latest base, List<Map.Entry<Latest, Samples>> measured) {
        double[] baseTimes = measured.stream()
                .filter(e -> e.getKey().equals(base))
                .findFirst()
                .orElseThrow()
                .getValue()
                .times();
        return Flux.fromIterable(measured)
                .concatMap(e -> {
                    Latest r = e.getKey();
                    Mono<Optional<VersionsView.Ratio>> ratio = r.equals(base)
                            ? Mono.just(Optional.empty())
                            : work.compare(r.id(), e.getValue().times(), base.id(), baseTimes)
                                    .map(c -> Optional.of(new VersionsView.Ratio(
                                            c.medianRatio(), c.ci95(), c.pValue(), c.verdict())));
                    return ratio.map(q -> new VersionsView.Row(
                            r.runtime(),
                            r.phpVersion(),
                            jit(r),
                            r.id(),
                            r.n(),
                            r.median(),
                            r.p90(),
                            r.p99(),
                            r.cv(),
                            q.orElse(null)));
                })
                .collectList()
                .map(rows -> new VersionsView(benchmark, base.runtime(), calculator.alpha(), rows));
    }

    /** The catalog's speed-up from one runtime to another, per benchmark, per category and overall. */
    Mono<SpeedupView> speedup(String from, String to) {
        if (from == null || from.isBlank() || to == null || to.isBlank() || from.equals(to)) {
            throw new BadRequestException(
                    "to",
                    "Parameters 'from' and 'to' need two different runtime ids, for example "
                            + "from=php-7.4&to=php-8.5; got from='" + from + "', to='" + to + "'.");
        }
        Mono<Map<String, Latest>> fromRuns = latest.ofRuntime(from).collectMap(Latest::benchmark, Function.identity());
        Mono<Map<String, Latest>> toRuns = latest.ofRuntime(to).collectMap(Latest::benchmark, Function.identity());
        return Mono.zip(fromRuns, toRuns).flatMap(t -> {
            List<String> both = t.getT1().keySet().stream()
                    .filter(t.getT2()::containsKey)
                    .sorted()
                    .toList();
            return Flux.fromIterable(both)
                    .concatMap(slug -> Mono.zip(
                                    samples.measurements(t.getT1().get(slug).id()),
                                    samples.measurements(t.getT2().get(slug).id()))
                            .map(s -> ratio(t.getT1().get(slug), t.getT2().get(slug), s.getT1(), s.getT2())))
                    .collectList()
                    .map(ratios -> new SpeedupView(
                            from, to, calculator.alpha(), summary("all", ratios), byCategory(ratios), ratios));
        });
    }

    private SpeedupView.BenchmarkRatio ratio(Latest from, Latest to, Samples fromSamples, Samples toSamples) {
        double p = calculator.mannWhitneyPValue(toSamples.times(), fromSamples.times());
        Verdict verdict = !(p < calculator.alpha()) || to.median() == from.median()
                ? Verdict.NO_SIGNIFICANT_DIFFERENCE
                : to.median() < from.median() ? Verdict.FASTER : Verdict.SLOWER;
        return new SpeedupView.BenchmarkRatio(
                from.benchmark(),
                to.benchmarkName() == null ? to.benchmark() : to.benchmarkName(),
                to.category(),
                from.median(),
                to.median(),
                to.median() / from.median(),
                p,
                verdict);
    }

    private static List<SpeedupView.Summary> byCategory(List<SpeedupView.BenchmarkRatio> ratios) {
        Map<String, List<SpeedupView.BenchmarkRatio>> categories = new TreeMap<>();
        ratios.forEach(r -> categories
                .computeIfAbsent(r.category() == null ? "?" : r.category(), c -> new ArrayList<>())
                .add(r));
        return categories.entrySet().stream()
                .map(e -> summary(e.getKey(), e.getValue()))
                .toList();
    }

    private static SpeedupView.Summary summary(String category, List<SpeedupView.BenchmarkRatio> ratios) {
        double[] speedups = ratios.stream().mapToDouble(r -> 1 / r.ratio()).toArray();
        double geometric = speedups.length == 0
                ? Double.NaN
                : Math.exp(java.util.Arrays.stream(speedups)
                        .map(Math::log)
                        .average()
                        .orElse(0));
        return new SpeedupView.Summary(
                category,
                ratios.size(),
                geometric,
                java.util.Arrays.stream(speedups).min().orElse(Double.NaN),
                java.util.Arrays.stream(speedups).max().orElse(Double.NaN),
                (int) ratios.stream().filter(r -> r.verdict() == Verdict.FASTER).count(),
                (int) ratios.stream().filter(r -> r.verdict() == Verdict.SLOWER).count());
    }

    /** Whether the runtime ran with the JIT on: opcache enabled for the CLI and a JIT mode other than off. */
    private boolean jit(Latest run) {
        JsonNode settings = json.readTree(run.settings());
        String mode = settings.path("opcache.jit").asString("");
        return "1".equals(settings.path("opcache.enable_cli").asString(""))
                && !mode.isEmpty()
                && !List.of("0", "off", "disable").contains(mode);
    }

    /** A PHP version for ordering: major, minor, patch; unknown versions last. */
    record Version(int major, int minor, int patch) implements Comparable<Version> {

        static Version of(String text) {
            String[] parts = text == null ? new String[0] : text.split("[.\\-+A-Za-z]");
            try {
                return new Version(
                        Integer.parseInt(parts[0]),
                        Integer.parseInt(parts[1]),
                        parts.length > 2 && !parts[2].isEmpty() ? Integer.parseInt(parts[2]) : 0);
            } catch (RuntimeException e) {
                return new Version(Integer.MAX_VALUE, 0, 0);
            }
        }

        @Override
        public int compareTo(Version other) {
            return Comparator.comparingInt(Version::major)
                    .thenComparingInt(Version::minor)
                    .thenComparingInt(Version::patch)
                    .compare(this, other);
        }
    }
}
