package dev.benchpulse.runner.run;

import dev.benchpulse.runner.TestFixtures;
import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.catalog.CatalogLoader;
import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.runtime.PhpRuntime;
import jakarta.validation.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Median;
import org.apache.commons.statistics.descriptive.Statistic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that the time per operation the runner reports agrees with an independent measurement of the same PHP
 * code: hyperfine times whole PHP processes running the harness with the measured loop and with an empty loop
 * (zero inner iterations, everything else equal), and the difference of their mean wall times divided by the inner
 * iterations is the time per operation. Prints both with the runner's coefficient of variation over its samples.
 * The runner's samples and hyperfine's runs alternate in ten blocks, so both see the same machine load.
 * Not a test: run it with the command in docs/performance.md.
 *
 * <p>Arguments: {@code [samples] [scale] [slug...]}; defaults 30, 1 and three catalog benchmarks.
 */
public final class AgreementBenchmark {

    private static final List<String> DEFAULT_SLUGS =
            List.of("str-contains-native", "encode-json-encode", "sort-ints-sort");
    private static final Path OUT = Path.of("target", "perf");
    private static final EnumSet<Statistic> STATS = EnumSet.of(Statistic.MEAN, Statistic.STANDARD_DEVIATION);
    private static final int BLOCKS = 10;

    private AgreementBenchmark() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        List<String> slugs = args.length > 2 ? List.of(args).subList(2, args.length) : DEFAULT_SLUGS;
        Catalog catalog = new CatalogLoader(
                        Validation.buildDefaultValidatorFactory().getValidator())
                .load(Path.of("..", "benchmarks"));
        PhpRuntime php = TestFixtures.runtime(TestFixtures.local("php", List.of()));
        SampleExecutor executor = TestFixtures.executor(TestFixtures.execution(Duration.ofSeconds(60), "512M", null));
        Files.createDirectories(OUT);
        List<String> rows = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        for (String slug : slugs) {
            Benchmark benchmark = catalog.get(slug);
            Benchmark measured =
                    benchmark.withIterations(benchmark.warmupIterations(), benchmark.innerIterations() * scale);
            List<String> command = hyperfineCommand(php, measured, samples / BLOCKS);
            commands.add(String.join(" ", command.subList(0, command.size() - 2)) + " '"
                    + command.get(command.size() - 2) + "' '" + command.getLast() + "'");
            // interleaved in blocks, so that both measurements see the same machine load
            List<Double> runner = new ArrayList<>();
            List<Double> loop = new ArrayList<>();
            List<Double> empty = new ArrayList<>();
            for (int block = 0; block < BLOCKS; block++) {
                runner.addAll(runnerSamples(executor, php, measured, samples / BLOCKS));
                JsonNode results = hyperfine(command, slug);
                results.get(0).path("times").forEach(t -> loop.add(t.asDouble()));
                results.get(1).path("times").forEach(t -> empty.add(t.asDouble()));
            }
            rows.add(row(measured, array(runner), array(loop), array(empty)));
        }
        System.out.printf("%nPHP %s, %d samples per measurement, no JIT%n%n", php.phpVersion(), samples);
        System.out.println("| benchmark | inner iterations | runner median ns/op | runner mean ns/op | runner CV "
                + "| runner CV over 30 samples (median of windows) | hyperfine ns/op (medians) | hyperfine ns/op (means) "
                + "| difference of medians | difference of means | hyperfine CV |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(System.out::println);
        System.out.println();
        commands.forEach(c -> System.out.println("    " + c));
    }

    private static List<Double> runnerSamples(
            SampleExecutor executor, PhpRuntime php, Benchmark benchmark, int samples) {
        List<Double> nanosPerOperation = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            SampleOutcome outcome = executor.run(php, benchmark, Cancellation.none());
            if (!(outcome instanceof SampleOutcome.Measured m)) {
                throw new IllegalStateException(benchmark.slug() + " failed: " + outcome);
            }
            nanosPerOperation.add(m.nanosPerOperation());
        }
        return nanosPerOperation;
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** hyperfine over two harness files that differ only in the inner iterations: N and 0. */
    private static List<String> hyperfineCommand(PhpRuntime php, Benchmark benchmark, int runs) throws IOException {
        HarnessTemplate template = HarnessTemplate.standard();
        Path loop = OUT.resolve(benchmark.slug() + "-loop.php");
        Path empty = OUT.resolve(benchmark.slug() + "-empty.php");
        Files.writeString(loop, template.render(benchmark).script());
        Files.writeString(
                empty,
                template.render(benchmark.withIterations(benchmark.warmupIterations(), 0))
                        .script());
        String php8 = php.command().getFirst() + " -d memory_limit=512M -d opcache.file_update_protection=0 ";
        return List.of(
                "hyperfine",
                "-N",
                "--warmup",
                "2",
                "--runs",
                Integer.toString(runs),
                "--export-json",
                OUT.resolve(benchmark.slug() + ".json").toString(),
                php8 + loop,
                php8 + empty);
    }

    private static JsonNode hyperfine(List<String> command, String slug) throws Exception {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(OUT.resolve(slug + ".hyperfine.txt").toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("hyperfine failed, see " + OUT.resolve(slug + ".hyperfine.txt"));
        }
        return JsonMapper.builder()
                .build()
                .readTree(OUT.resolve(slug + ".json").toFile())
                .path("results");
    }

    /**
     * One line of the table: the runner's median and mean time per operation with their CV, hyperfine's (loop minus
     * empty, divided by the inner iterations) from the medians and from the means of the process times, the
     * difference of the two medians, and the CV of hyperfine's loop process times. Beside the runner's CV over all its
     * samples: the CV a 30-sample run sees, as the median over consecutive windows of 30 samples (in the order taken).
     */
    private static String row(Benchmark benchmark, double[] runner, double[] loop, double[] empty) {
        DoubleStatistics stats = DoubleStatistics.of(STATS, runner);
        double median = Median.withDefaults().evaluate(runner);
        double cv = stats.getAsDouble(Statistic.STANDARD_DEVIATION) / stats.getAsDouble(Statistic.MEAN);
        DoubleStatistics loopStats = DoubleStatistics.of(STATS, loop);
        DoubleStatistics emptyStats = DoubleStatistics.of(STATS, empty);
        double perOp = 1e9 / benchmark.innerIterations();
        double byMedian =
                (Median.withDefaults().evaluate(loop) - Median.withDefaults().evaluate(empty)) * perOp;
        double byMean = (loopStats.getAsDouble(Statistic.MEAN) - emptyStats.getAsDouble(Statistic.MEAN)) * perOp;
        double loopCv = loopStats.getAsDouble(Statistic.STANDARD_DEVIATION) / loopStats.getAsDouble(Statistic.MEAN);
        double mean = stats.getAsDouble(Statistic.MEAN);
        return String.format(
                "| %s | %,d | %.1f | %.1f | %.1f %% | %.1f %% | %.1f | %.1f | %+.1f %% | %+.1f %% | %.1f %% |",
                benchmark.slug(),
                benchmark.innerIterations(),
                median,
                mean,
                100 * cv,
                100 * windowedCv(runner, 30),
                byMedian,
                byMean,
                100 * (median - byMedian) / byMedian,
                100 * (mean - byMean) / byMean,
                100 * loopCv);
    }

    /** The median, over consecutive windows of {@code window} samples, of each window's coefficient of variation. */
    static double windowedCv(double[] samples, int window) {
        int windows = samples.length / window;
        if (windows == 0) {
            return Double.NaN;
        }
        double[] cvs = new double[windows];
        for (int w = 0; w < windows; w++) {
            double[] slice = Arrays.copyOfRange(samples, w * window, (w + 1) * window);
            DoubleStatistics stats = DoubleStatistics.of(STATS, slice);
            cvs[w] = stats.getAsDouble(Statistic.STANDARD_DEVIATION) / stats.getAsDouble(Statistic.MEAN);
        }
        return Median.withDefaults().evaluate(cvs);
    }
}
