package dev.benchpulse.cli.run;

import dev.benchpulse.cli.api.AcceptedRuns.AcceptedRun;
import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.ApiException;
import dev.benchpulse.cli.api.CliException;
import dev.benchpulse.cli.api.Run;
import dev.benchpulse.cli.api.Statistics;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Follows runs until each is finished: live progress from the Mercure stream when the gateway hands out a
 * subscriber token, and the results API ({@code GET /api/runs/{id}}) as the source of truth for each run's final
 * state, polled often when there is no stream and now and then when there is one.
 */
final class RunWatcher {

    private final ApiClient client;
    private final ProgressDisplay display;
    private final Duration timeout;
    private final Duration pollInterval;
    private final BlockingQueue<String> wake = new LinkedBlockingQueue<>();
    private final Set<String> unfinished = ConcurrentHashMap.newKeySet();

    /**
     * @param pollInterval how long to wait between two questions to the results API while the live stream is open;
     *                     without a stream the runs' progress comes from polling alone, four times as often
     */
    RunWatcher(ApiClient client, ProgressDisplay display, Duration timeout, Duration pollInterval) {
        this.client = client;
        this.display = display;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    /** Blocks until every run is finished; returns them in the order given. */
    List<Run> await(List<AcceptedRun> runs) throws InterruptedException {
        runs.forEach(run -> unfinished.add(run.id()));
        Map<String, Run> finished = new ConcurrentHashMap<>();
        // Each run's topic as POST /api/runs returned it; without topics the runs are only polled.
        List<String> topics = runs.stream()
                .map(AcceptedRun::topic)
                .filter(t -> t != null && !t.isBlank())
                .toList();
        Optional<MercureStream> stream =
                topics.isEmpty() ? Optional.empty() : MercureStream.open(client, topics, this::onUpdate);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!unfinished.isEmpty()) {
                poll(finished);
                if (!unfinished.isEmpty() && System.nanoTime() > deadline) {
                    throw new CliException(
                            "The runs did not finish within " + timeout.toMinutes() + " min; they "
                                    + "go on in the stack (see the dashboard). Wait longer with --timeout.",
                            CliException.RUN_FAILED);
                }
                boolean live = stream.map(MercureStream::isOpen).orElse(false);
                long wait = live ? pollInterval.toMillis() : Math.max(1, pollInterval.toMillis() / 4);
                wake.poll(wait, TimeUnit.MILLISECONDS);
            }
        } finally {
            stream.ifPresent(MercureStream::close);
            display.close();
        }
        return runs.stream().map(run -> finished.get(run.id())).toList();
    }

    /** Asks the results API about every unfinished run; moves the finished ones to {@code finished}. */
    private void poll(Map<String, Run> finished) {
        for (String id : Set.copyOf(unfinished)) {
            fetch(id).ifPresent(run -> {
                display.show(id, progress(run));
                if (run.isFinished()) {
                    finished.put(id, run);
                    unfinished.remove(id);
                }
            });
        }
    }

    /** Runs not finished yet (for cancelling them on Ctrl-C). */
    Set<String> unfinished() {
        return Set.copyOf(unfinished);
    }

    private Optional<Run> fetch(String id) {
        try {
            return Optional.of(client.get("/api/runs/" + id, Run.class));
        } catch (ApiException e) {
            if (e.status() == 404) {
                return Optional.empty(); // the results service has not seen the request yet
            }
            throw e;
        }
    }

    private void onUpdate(JsonNode update) {
        String runId = update.path("runId").asString("");
        if (!unfinished.contains(runId)) {
            return;
        }
        String type = update.path("type").asString("");
        String state = switch (type) {
            case "benchmark.completed" -> "completed";
            case "benchmark.failed" -> "CANCELLED".equals(update.path("reason").asString("")) ? "cancelled" : "failed";
            default -> "running";
        };
        JsonNode statistics = update.path("statistics");
        Double mean =
                statistics.path("mean").isNumber() ? statistics.path("mean").asDouble() : null;
        Double half = statistics.path("ci95").path("low").isNumber() && mean != null
                ? (statistics.path("ci95").path("high").asDouble()
                                - statistics.path("ci95").path("low").asDouble())
                        / 2
                : null;
        display.show(
                runId,
                new Progress(
                        update.path("runtime").asString(""),
                        update.path("currentIteration").asInt(0),
                        update.path("totalIterations").asInt(0),
                        state,
                        mean,
                        half));
        if (!"running".equals(state)) {
            wake.offer(runId);
        }
    }

    private static Progress progress(Run run) {
        Statistics s = run.statistics();
        Double half = s == null
                        || s.ci95() == null
                        || s.ci95().low() == null
                        || s.ci95().high() == null
                ? null
                : (s.ci95().high() - s.ci95().low()) / 2;
        String state = run.status() == null ? "queued" : run.status().toLowerCase(Locale.ROOT);
        return new Progress(
                run.runtime(),
                run.completedIterations() == null ? 0 : run.completedIterations(),
                run.iterations() == null ? 0 : run.iterations(),
                state,
                s == null ? null : s.mean(),
                half);
    }
}
