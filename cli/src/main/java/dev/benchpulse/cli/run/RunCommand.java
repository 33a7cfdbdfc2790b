package dev.benchpulse.cli.run;

import dev.benchpulse.cli.api.AcceptedRuns;
import dev.benchpulse.cli.api.AcceptedRuns.AcceptedRun;
import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.ApiOptions;
import dev.benchpulse.cli.api.CliException;
import dev.benchpulse.cli.api.Run;
import dev.benchpulse.cli.api.RunRequest;
import dev.benchpulse.cli.catalog.BenchmarkSelection;
import dev.benchpulse.cli.catalog.Catalog;
import dev.benchpulse.cli.output.Terminal;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./benchpulse run <slug>}: runs a benchmark on one or more runtimes, shows each run's progress live, then
 * prints the statistics and, with several runtimes, the comparison. With {@code --category} or {@code --all} it
 * runs a matrix (every benchmark of a category, or of the catalog, on every runtime named), shows the progress of
 * the whole matrix and prints each benchmark's medians. Exits non-zero when a run fails.
 */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Runs a benchmark on one or more PHP runtimes with a live progress bar per runtime, then "
                    + "prints the statistics (median, mean ± 95%% CI, p90, p99, cv, outliers) and the comparison.",
            "With --category or --all, runs every benchmark of a category or of the catalog on the runtimes (a "
                    + "matrix), with one progress line for all, then a table of medians per benchmark and runtime.",
            "The runtimes' samples are interleaved on one runner (A B A B …) unless --sequential.",
            "Ctrl-C cancels the runs. Exit code: 0 all completed, 1 a run failed, 2 unknown benchmark or runtime, "
                    + "3 stack unreachable, 4 a run is INCOMPLETE (samples missing)."
        })
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Mixin
    BenchmarkSelection selection;

    @Option(
            names = "--category",
            paramLabel = "<category>",
            description = "Run every benchmark of this category (instead of one benchmark).")
    String category;

    @Option(names = "--all", description = "Run every benchmark of the catalog (instead of one benchmark).")
    boolean all;

    @Option(
            names = "--sequential",
            description = "Run each runtime's samples on their own, one run after another, "
                    + "instead of interleaving them (A B A B …) on one runner.")
    boolean sequential;

    @Option(
            names = "--block-size",
            paramLabel = "<n>",
            description = "Samples of one runtime taken in a row before the next runtime's turn (default: 1).")
    Integer blockSize;

    @Option(
            names = {"-n", "--iterations"},
            paramLabel = "<n>",
            defaultValue = "30",
            description = "Samples per run, 1 to 10000 (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--json", description = "Print the finished runs (and the comparison) as JSON, no progress.")
    boolean json;

    @Option(
            names = "--timeout",
            paramLabel = "<minutes>",
            defaultValue = "60",
            description = "Give up waiting after this long (default: ${DEFAULT-VALUE}); the runs go on.")
    int timeoutMinutes;

    @Option(
            names = "--poll-interval",
            paramLabel = "<ms>",
            defaultValue = "2000",
            description = "How often to ask the results API for the runs' state while the live stream shows the "
                    + "progress, 10 to 60000 ms (default: ${DEFAULT-VALUE}); four times as often without a stream, "
                    + "twice as often for a matrix.")
    long pollIntervalMillis;

    @Override
    public Integer call() throws InterruptedException {
        if (iterations < 1 || iterations > 10_000) {
            throw new CliException(
                    "--iterations must be between 1 and 10000, not " + iterations + ".", CliException.USAGE);
        }
        if (pollIntervalMillis < 10 || pollIntervalMillis > 60_000) {
            throw new CliException(
                    "--poll-interval must be between 10 and 60000 ms, not " + pollIntervalMillis + ".",
                    CliException.USAGE);
        }
        ApiClient client = api.client();
        boolean matrix = category != null || all;
        if (matrix == selection.named() || (category != null && all)) {
            throw new CliException(
                    "Name one benchmark, or run several with --category <category> or --all.", CliException.USAGE);
        }
        return matrix ? runMatrix(client) : runOne(client);
    }

    private int runOne(ApiClient client) throws InterruptedException {
        String slug = selection.slug();
        List<String> chosen = selection.runtimes(new Catalog(client));
        AcceptedRuns accepted = client.post(
                "/api/runs",
                new RunRequest(slug, null, null, chosen, iterations, execution(), blockSize),
                AcceptedRuns.class);
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            out.println("Running " + slug + " on " + String.join(", ", chosen) + " (" + iterations + " samples each"
                    + (chosen.size() > 1 && accepted.execution() != null ? ", " + accepted.execution() : "") + ")");
        }
        List<Run> runs = watch(client, out, accepted.runs());
        return new RunReport(client, out, spec.commandLine().getErr()).print(slug, runs, json);
    }

    private int runMatrix(ApiClient client) throws InterruptedException {
        List<String> chosen = selection.runtimesAsGiven(new Catalog(client));
        AcceptedRuns accepted = client.post(
                "/api/runs",
                new RunRequest(null, category, all ? Boolean.TRUE : null, chosen, iterations, execution(), blockSize),
                AcceptedRuns.class);
        PrintWriter out = spec.commandLine().getOut();
        if (!json) {
            long benchmarks = accepted.runs().stream()
                    .map(AcceptedRun::benchmark)
                    .distinct()
                    .count();
            out.println("Running " + (all ? "the catalog" : "category " + category) + ": " + benchmarks
                    + " benchmarks on " + String.join(", ", chosen) + ", "
                    + accepted.runs().size() + " runs of "
                    + iterations + " samples (" + accepted.execution() + "; matrix " + accepted.matrixId() + ")");
            if (accepted.skipped() != null) {
                accepted.skipped()
                        .forEach(s ->
                                out.println("  skipped " + s.benchmark() + " on " + s.runtime() + ": " + s.reason()));
            }
        }
        String matrixId = accepted.matrixId();
        if (matrixId == null) { // one run only: follow it as a run
            return new RunReport(client, out, spec.commandLine().getErr())
                    .print(accepted.runs().getFirst().benchmark(), watch(client, out, accepted.runs()), json);
        }
        MatrixWatcher watcher = new MatrixWatcher(
                client,
                out,
                Terminal.interactive(),
                json,
                Duration.ofMinutes(timeoutMinutes),
                Duration.ofMillis(pollIntervalMillis / 2));
        Thread cancel = new Thread(() -> cancel(client, watcher.unfinished()), "benchpulse-cancel");
        Runtime.getRuntime().addShutdownHook(cancel);
        try {
            return new MatrixReport(out).print(watcher.await(matrixId), json);
        } finally {
            removeHook(cancel);
        }
    }

    private String execution() {
        return sequential ? "sequential" : null;
    }

    private List<Run> watch(ApiClient client, PrintWriter out, List<AcceptedRun> runs) throws InterruptedException {
        ProgressDisplay display = new ProgressDisplay(
                out,
                runs.stream().map(AcceptedRun::id).toList(),
                runs.stream().map(AcceptedRun::runtime).toList(),
                Terminal.interactive(),
                json);
        RunWatcher watcher = new RunWatcher(
                client, display, Duration.ofMinutes(timeoutMinutes), Duration.ofMillis(pollIntervalMillis));
        Thread cancel = new Thread(() -> cancelUnfinished(client, watcher), "benchpulse-cancel");
        Runtime.getRuntime().addShutdownHook(cancel);
        try {
            return watcher.await(runs);
        } finally {
            removeHook(cancel);
        }
    }

    /** Ctrl-C while runs execute: cancel them rather than leave them running unwatched. */
    private void cancelUnfinished(ApiClient client, RunWatcher watcher) {
        cancel(client, List.copyOf(watcher.unfinished()));
    }

    private void cancel(ApiClient client, List<String> unfinished) {
        for (String id : unfinished) {
            try {
                client.delete("/api/runs/" + id);
                spec.commandLine().getErr().println("Cancelled run " + id);
            } catch (RuntimeException e) {
                spec.commandLine().getErr().println("Could not cancel run " + id + ": " + e.getMessage());
            }
        }
        spec.commandLine().getErr().flush();
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to
        }
    }
}
