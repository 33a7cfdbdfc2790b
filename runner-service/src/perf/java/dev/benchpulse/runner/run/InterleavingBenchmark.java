package dev.benchpulse.runner.run;

import dev.benchpulse.runner.TestFixtures;
import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.catalog.CatalogLoader;
import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.testsupport.InstalledPhp;
import jakarta.validation.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Shows what interleaving does to a comparison: the same two runtimes measured again and again, each time once with
 * their samples interleaved (A B A B …, the runner's default for a request naming several runtimes) and once
 * sequentially (all of A, then all of B, as with {@code "execution": "sequential"}), the two orders alternating which
 * goes first.
 * For each it reports the ratio of medians B / A with a 95 % percentile-bootstrap interval, and over all
 * repetitions: the median interval width, how much the ratio moves between repetitions, and how often the interval
 * misses the true ratio. Comparing a runtime with itself (A = B) the true ratio is 1, so any miss is a false
 * "significant difference" caused by the machine drifting between the two runs. Samples go through the runner's
 * own sample executor in the order the runner's sample loop takes them. Not a test: run it with the command in
 * docs/performance.md.
 *
 * <p>Arguments: {@code [samples per run] [repetitions] [runtime A] [runtime B] [slug...]}; defaults 20, 10, php,
 * php and str-contains-native. Runtimes are the local {@code php} and {@code php-jit}, or installed versions
 * ({@code php-8.4}…).
 */
public final class InterleavingBenchmark {

    private static final int RESAMPLES = 2000;

    private InterleavingBenchmark() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        String a = args.length > 2 ? args[2] : "php";
        String b = args.length > 3 ? args[3] : "php";
        List<String> slugs = args.length > 4 ? List.of(args).subList(4, args.length) : List.of("str-contains-native");
        Catalog catalog = new CatalogLoader(
                        Validation.buildDefaultValidatorFactory().getValidator())
                .load(Path.of("..", "benchmarks"));
        Runtimes runtimes = new Runtimes(
                TestFixtures.properties(
                        InstalledPhp.directory(),
                        TestFixtures.local("php", List.of()),
                        TestFixtures.local("php-jit", TestFixtures.JIT_SETTINGS)),
                new ProcessRunner(64 * 1024),
                Clock.systemUTC());
        PhpRuntime first = runtimes.find(a).orElseThrow(() -> new IllegalArgumentException("No runtime " + a));
        PhpRuntime second = runtimes.find(b).orElseThrow(() -> new IllegalArgumentException("No runtime " + b));
        SampleExecutor executor = TestFixtures.executor(TestFixtures.execution(Duration.ofSeconds(60), "512M", null));
        System.out.printf(
                "%s (PHP %s) against %s (PHP %s), %d samples per run, %d repetitions, load %s%n",
                a, first.phpVersion(), b, second.phpVersion(), samples, repetitions, load());
        for (String slug : slugs) {
            Benchmark benchmark = catalog.get(slug);
            List<Result> interleaved = new ArrayList<>();
            List<Result> sequential = new ArrayList<>();
            for (int r = 0; r < repetitions; r++) {
                boolean interleavedFirst = r % 2 == 0;
                for (int order = 0; order < 2; order++) {
                    if ((order == 0) == interleavedFirst) {
                        interleaved.add(measure(executor, first, second, benchmark, samples, true));
                    } else {
                        sequential.add(measure(executor, first, second, benchmark, samples, false));
                    }
                }
                System.out.printf(
                        "  %s repetition %d: interleaved %s, sequential %s (load %s)%n",
                        slug, r + 1, interleaved.getLast(), sequential.getLast(), load());
            }
            double truth = a.equals(b) ? 1.0 : median(ratios(interleaved, sequential));
            System.out.printf(
                    "%n| benchmark | order | median ratio B/A | ratios min–max | median CI width | "
                            + "spread of log ratio (SD) | CIs missing %s |%n|---|---|---|---|---|---|---|%n",
                    a.equals(b) ? "1" : String.format(Locale.ROOT, "%.3f (all runs' median)", truth));
            System.out.println(row(slug, "interleaved", interleaved, truth));
            System.out.println(row(slug, "sequential", sequential, truth));
            System.out.println();
        }
        System.out.println("load at the end: " + load());
    }

    /** One comparison: samples of A and B, interleaved or one run after the other; the ratio and its interval. */
    private static Result measure(
            SampleExecutor executor, PhpRuntime a, PhpRuntime b, Benchmark benchmark, int n, boolean interleaved) {
        double[] first = new double[n];
        double[] second = new double[n];
        if (interleaved) {
            for (int i = 0; i < n; i++) {
                first[i] = sample(executor, a, benchmark);
                second[i] = sample(executor, b, benchmark);
            }
        } else {
            for (int i = 0; i < n; i++) {
                first[i] = sample(executor, a, benchmark);
            }
            for (int i = 0; i < n; i++) {
                second[i] = sample(executor, b, benchmark);
            }
        }
        return Result.of(first, second);
    }

    private static double sample(SampleExecutor executor, PhpRuntime runtime, Benchmark benchmark) {
        SampleOutcome outcome = executor.run(runtime, benchmark, Cancellation.none());
        if (!(outcome instanceof SampleOutcome.Measured m)) {
            throw new IllegalStateException(benchmark.slug() + " failed on " + runtime.id() + ": " + outcome);
        }
        return m.nanosPerOperation();
    }

    /**
     * The ratio of medians B / A and its 95 % percentile-bootstrap interval.
     *
     * @param ratio median(B) / median(A)
     * @param low   2.5th percentile of the bootstrap ratios
     * @param high  97.5th percentile
     */
    record Result(double ratio, double low, double high) {

        static Result of(double[] a, double[] b) {
            SplittableRandom random = new SplittableRandom(42);
            double[] ratios = new double[RESAMPLES];
            for (int i = 0; i < RESAMPLES; i++) {
                ratios[i] = median(resample(b, random)) / median(resample(a, random));
            }
            Arrays.sort(ratios);
            return new Result(
                    median(b) / median(a), ratios[(int) (RESAMPLES * 0.025)], ratios[(int) (RESAMPLES * 0.975)]);
        }

        double width() {
            return high - low;
        }

        boolean misses(double truth) {
            return truth < low || truth > high;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", ratio, low, high);
        }
    }

    private static String row(String slug, String order, List<Result> results, double truth) {
        double[] ratios = results.stream().mapToDouble(Result::ratio).toArray();
        double[] logs = Arrays.stream(ratios).map(Math::log).toArray();
        double mean = Arrays.stream(logs).average().orElse(0);
        double sd =
                Math.sqrt(Arrays.stream(logs).map(l -> (l - mean) * (l - mean)).sum() / Math.max(1, logs.length - 1));
        long misses = results.stream().filter(r -> r.misses(truth)).count();
        return String.format(
                Locale.ROOT,
                "| %s | %s | %.3f | %.3f–%.3f | %.3f | %.3f | %d of %d |",
                slug,
                order,
                median(ratios),
                Arrays.stream(ratios).min().orElse(0),
                Arrays.stream(ratios).max().orElse(0),
                median(results.stream().mapToDouble(Result::width).toArray()),
                sd,
                misses,
                results.size());
    }

    private static double[] ratios(List<Result> x, List<Result> y) {
        return java.util.stream.Stream.concat(x.stream(), y.stream())
                .mapToDouble(Result::ratio)
                .toArray();
    }

    private static double[] resample(double[] values, SplittableRandom random) {
        double[] copy = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            copy[i] = values[random.nextInt(values.length)];
        }
        return copy;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }
}
