package dev.benchpulse.cli.run;

import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.ApiException;
import dev.benchpulse.cli.api.CliException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Follows a matrix (every run one request queued) through {@code GET /api/matrices/{id}} until all its runs have
 * ended: one progress line for the whole matrix, redrawn in place on a terminal, printed at each tenth otherwise.
 */
final class MatrixWatcher {

    private final ApiClient client;
    private final PrintWriter out;
    private final boolean redraw;
    private final boolean quiet;
    private final Duration timeout;
    private final Duration pollInterval;
    private volatile JsonNode last;
    private int lastTenth = -1;

    MatrixWatcher(
            ApiClient client, PrintWriter out, boolean redraw, boolean quiet, Duration timeout, Duration pollInterval) {
        this.client = client;
        this.out = out;
        this.redraw = redraw;
        this.quiet = quiet;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
    }

    /** Blocks until every run of the matrix has ended; returns the matrix as the API last showed it. */
    JsonNode await(String matrixId) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            fetch(matrixId);
            if (last != null) {
                show(last);
                if (last.path("finished").asBoolean(false)) {
                    if (redraw && !quiet) {
                        out.println();
                    }
                    out.flush();
                    return last;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new CliException(
                        "The matrix did not finish within " + timeout.toMinutes() + " min; its runs go "
                                + "on in the stack (dashboard: /matrices/" + matrixId
                                + "). Wait longer with --timeout.",
                        CliException.RUN_FAILED);
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    /** The runs not ended yet, as last seen (for cancelling them on Ctrl-C). */
    List<String> unfinished() {
        List<String> ids = new ArrayList<>();
        JsonNode matrix = last;
        if (matrix != null) {
            matrix.path("benchmarks")
                    .forEach(b -> b.path("runs").forEach(run -> {
                        String status = run.path("status").asString("");
                        if (status.equals("QUEUED") || status.equals("RUNNING")) {
                            ids.add(run.path("id").asString(""));
                        }
                    }));
        }
        return ids;
    }

    private void fetch(String matrixId) {
        try {
            last = client.get("/api/matrices/" + matrixId);
        } catch (ApiException e) {
            if (e.status() != 404) { // the results service has not seen the requests yet
                throw e;
            }
        }
    }

    private void show(JsonNode matrix) {
        if (quiet) {
            return;
        }
        double progress = matrix.path("progress").asDouble(0);
        JsonNode status = matrix.path("byStatus");
        int ended = status.path("COMPLETED").asInt(0)
                + status.path("INCOMPLETE").asInt(0)
                + status.path("FAILED").asInt(0)
                + status.path("CANCELLED").asInt(0);
        String line = String.format(
                Locale.ROOT,
                "[%-30s] %5.1f %%  %d/%d runs ended, %d running%s",
                "#".repeat((int) Math.round(progress * 30 / 100)),
                progress,
                ended,
                matrix.path("runs").asInt(0),
                status.path("RUNNING").asInt(0),
                status.path("FAILED").asInt(0) + status.path("CANCELLED").asInt(0) > 0
                        ? ", "
                                + (status.path("FAILED").asInt(0)
                                        + status.path("CANCELLED").asInt(0)) + " failed"
                        : "");
        if (redraw) {
            out.print("\r\033[K" + line);
            out.flush();
        } else if ((int) (progress / 10) != lastTenth) {
            lastTenth = (int) (progress / 10);
            out.println(line);
            out.flush();
        }
    }
}
