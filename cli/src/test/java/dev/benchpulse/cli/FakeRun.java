package dev.benchpulse.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One run of the fake API: its Mercure lifecycle and its state in the results API. */
final class FakeRun {

    private final String id;
    private final String benchmark;
    private final String runtime;
    private final int total;
    private final boolean fails;
    private final boolean missesOne;
    private int completed;
    private boolean finished;

    FakeRun(String id, String benchmark, String runtime, int total, boolean fails) {
        this(id, benchmark, runtime, total, fails, false);
    }

    /** With {@code missesOne}, the runner takes every sample but the results API never gets the second one. */
    FakeRun(String id, String benchmark, String runtime, int total, boolean fails, boolean missesOne) {
        this.id = id;
        this.benchmark = benchmark;
        this.runtime = runtime;
        this.total = total;
        this.fails = fails;
        this.missesOne = missesOne;
    }

    String id() {
        return id;
    }

    String benchmark() {
        return benchmark;
    }

    String runtime() {
        return runtime;
    }

    /** Every update the notifier would publish for this run; afterwards the results API says it is finished. */
    synchronized List<JsonNode> lifecycle() {
        List<JsonNode> updates = new ArrayList<>();
        updates.add(update("benchmark.started", 0));
        int last = fails ? total / 2 : total;
        for (int i = 1; i <= last; i++) {
            ObjectNode progress = update("benchmark.progress", i);
            progress.set("statistics", FakeCatalog.statistics(runtime, i));
            updates.add(progress);
        }
        ObjectNode end = update(fails ? "benchmark.failed" : "benchmark.completed", last);
        if (fails) {
            end.put("reason", "SCRIPT_ERROR").put("message", "PHP Parse error: syntax error on line 3");
        }
        updates.add(end);
        completed = last;
        finished = true;
        return updates;
    }

    /** {@code GET /api/runs/{id}}; without a stream each poll takes one more sample. */
    synchronized JsonNode poll(boolean advance) {
        if (advance && !finished) {
            completed++;
            finished = fails ? completed >= total / 2 : completed >= total;
        }
        ObjectNode run = FakeBenchpulseApi.JSON
                .createObjectNode()
                .put("id", id)
                .put("benchmark", benchmark)
                .put("runtime", runtime)
                .put("status", status())
                .put("iterations", total)
                .put("completedIterations", completed)
                .put("startedAt", Instant.now().toString());
        if (finished) {
            run.put("completedAt", Instant.now().toString());
        }
        if (finished && fails) {
            run.putObject("failure")
                    .put("reason", "SCRIPT_ERROR")
                    .put("message", "PHP Parse error: syntax error")
                    .put("errorSection", "code")
                    .put("errorLine", 3);
        }
        if (completed > 0) {
            run.set("statistics", FakeCatalog.statistics(runtime, completed));
        }
        if (finished && missesOne) {
            run.put("completedIterations", completed - 1).put("samplesTaken", completed);
            run.putArray("missingIterations").add(2);
        }
        return run;
    }

    private String status() {
        return !finished
                ? (completed == 0 ? "QUEUED" : "RUNNING")
                : fails ? "FAILED" : missesOne ? "INCOMPLETE" : "COMPLETED";
    }

    private ObjectNode update(String type, int iteration) {
        return FakeBenchpulseApi.JSON
                .createObjectNode()
                .put("type", type)
                .put("benchmarkId", benchmark)
                .put("benchmarkName", benchmark)
                .put("phpVersion", "8.2.36")
                .put("currentIteration", iteration)
                .put("totalIterations", total)
                .put("progress", 100 * iteration / total)
                .put("timestamp", Instant.now().toString())
                .put("runId", id)
                .put("runtime", runtime)
                .put("occurredAt", System.currentTimeMillis());
    }
}
