package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.BenchmarkRef;
import dev.benchpulse.contracts.avro.RuntimeRef;
import dev.benchpulse.contracts.avro.Sample;
import dev.benchpulse.runner.TestFixtures;
import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.support.kafka.TopicClients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Measures the runner's own cost per sample: the wall time of one sample taken through the runner (harness
 * rendering, temp file, process spawn with output capture, result parsing, progress event built and published to a
 * real broker) against the same harness file run as a bare PHP process by the same JVM, and {@code php -r ''} as the
 * floor. The three are interleaved, recorded in HdrHistograms, and the difference of medians is the runner's cost.
 * Not a test: run it with the command in docs/performance.md.
 */
public final class SampleCostBenchmark {

    private SampleCostBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        EmbeddedKafkaKraftBroker broker =
                new EmbeddedKafkaKraftBroker(1, Topics.BENCHMARK_EVENTS.partitions(), Topics.BENCHMARK_EVENTS.name());
        broker.afterPropertiesSet();
        try {
            run(rounds, broker.getBrokersAsString());
        } finally {
            broker.destroy();
        }
    }

    private static void run(int rounds, String bootstrapServers) throws Exception {
        KafkaProperties kafka = new KafkaProperties();
        kafka.setBootstrapServers(List.of(bootstrapServers));
        RunEventPublisher publisher = new RunEventPublisher(
                new TopicClients(kafka, null, "/benchpulse/perf").template(Topics.BENCHMARK_EVENTS));
        RunProperties.Execution settings = TestFixtures.execution(Duration.ofSeconds(30), "512M", null);
        SampleExecutor executor = TestFixtures.executor(settings);
        PhpRuntime php = TestFixtures.runtime(TestFixtures.local("php", List.of()));
        Benchmark trivial = TestFixtures.benchmark("", "$x = 1;", "", 0, 1);
        Path harness = Files.createTempFile("benchpulse-cost-", ".php");
        Files.writeString(harness, HarnessTemplate.standard().render(trivial).script());
        List<String> direct = executor.argv(php, harness);
        List<String> bare = List.of(php.command().getFirst(), "-r", "");

        UUID run = UUID.randomUUID();
        AttemptEvents events = new AttemptEvents(
                run,
                new BenchmarkRef("noop", "noop", "perf"),
                new RuntimeRef(php.id(), php.phpVersion(), Map.of()),
                Clock.systemUTC());
        RunEventPublisher.Attempt attempt = publisher.attempt(run, () -> false, () -> {});
        attempt.publish(() -> events.started(rounds, 0, 1, "perf"));

        Histogram bareTimes = new Histogram(3);
        Histogram directTimes = new Histogram(3);
        Histogram runnerTimes = new Histogram(3);
        int warmup = Math.max(10, rounds / 10);
        for (int i = 0; i < warmup + rounds; i++) {
            boolean record = i >= warmup;
            long bareNanos = time(() -> spawn(bare));
            long directNanos = time(() -> spawn(direct));
            int iteration = i + 1;
            long runnerNanos = time(() -> sample(executor, php, trivial, events, attempt, iteration, warmup + rounds));
            if (record) {
                bareTimes.recordValue(bareNanos);
                directTimes.recordValue(directNanos);
                runnerTimes.recordValue(runnerNanos);
            }
        }
        attempt.publishTerminal(() -> events.completed(warmup + rounds, 0));
        Files.deleteIfExists(harness);
        report(rounds, bareTimes, directTimes, runnerTimes, direct);
    }

    private static void sample(
            SampleExecutor executor,
            PhpRuntime php,
            Benchmark benchmark,
            AttemptEvents events,
            RunEventPublisher.Attempt attempt,
            int iteration,
            int total) {
        SampleOutcome outcome = executor.run(php, benchmark, Cancellation.none());
        if (!(outcome instanceof SampleOutcome.Measured measured)) {
            throw new IllegalStateException("Sample failed: " + outcome);
        }
        attempt.publish(() -> events.progress(
                iteration,
                total,
                new Sample(
                        measured.nanosPerOperation(),
                        measured.report().memoryUsedBytes(),
                        measured.report().peakMemoryBytes())));
    }

    private static void spawn(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long time(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    private static void report(
            int rounds, Histogram bare, Histogram direct, Histogram runner, List<String> directCommand) {
        System.out.printf("%nRunner cost per sample, %d interleaved rounds (wall time per sample, ms)%n", rounds);
        System.out.printf("| %-44s | %7s | %7s | %7s | %7s |%n", "what", "p50", "p90", "p99", "mean");
        System.out.printf(
                "|%s|%s|%s|%s|%s|%n", "-".repeat(46), "-".repeat(9), "-".repeat(9), "-".repeat(9), "-".repeat(9));
        line("bare `php -r ''` (the floor)", bare);
        line("the sample's harness file, run directly", direct);
        line("one sample through the runner", runner);
        double cost = (runner.getValueAtPercentile(50) - direct.getValueAtPercentile(50)) / 1e6;
        double overFloor = (runner.getValueAtPercentile(50) - bare.getValueAtPercentile(50)) / 1e6;
        System.out.printf(
                "%nRunner cost at the median: %.2f ms beyond running the same harness directly, "
                        + "%.2f ms beyond a bare php -r ''%n",
                cost, overFloor);
        List<String> shown = new java.util.ArrayList<>(directCommand);
        shown.set(shown.indexOf("-r") + 1, "'<driver.php>'");
        System.out.println("Direct command: " + String.join(" ", shown));
    }

    private static void line(String what, Histogram h) {
        System.out.printf(
                "| %-44s | %7.2f | %7.2f | %7.2f | %7.2f |%n",
                what,
                h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(90) / 1e6,
                h.getValueAtPercentile(99) / 1e6,
                h.getMean() / 1e6);
    }
}
