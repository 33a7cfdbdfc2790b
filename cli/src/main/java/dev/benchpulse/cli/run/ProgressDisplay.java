package dev.benchpulse.cli.run;

import dev.benchpulse.cli.output.Units;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shows the runs' progress while they execute: on a terminal a bar per runtime redrawn in place; otherwise (a pipe,
 * a log file) a line whenever a run starts, passes a quarter, or ends; nothing at all for {@code --json}.
 */
class ProgressDisplay {

    private final PrintWriter out;
    private final Map<String, Progress> runs = new LinkedHashMap<>();
    private final Map<String, String> lastLine = new LinkedHashMap<>();
    private final boolean bars;
    private final boolean quiet;
    private int drawnLines;
    private long lastDraw;

    ProgressDisplay(PrintWriter out, List<String> runIds, List<String> runtimes, boolean bars, boolean quiet) {
        this.out = out;
        this.bars = bars;
        this.quiet = quiet;
        for (int i = 0; i < runIds.size(); i++) {
            runs.put(runIds.get(i), new Progress(runtimes.get(i), 0, 0, "queued", null, null));
        }
    }

    synchronized void show(String runId, Progress progress) {
        Progress previous = runs.get(runId);
        if (quiet || previous == null || Objects.equals(previous, progress) || regresses(previous, progress)) {
            return;
        }
        runs.put(runId, progress);
        if (bars) {
            long now = System.nanoTime();
            if (progress.finished() || now - lastDraw > 80_000_000L) {
                redraw();
                lastDraw = now;
            }
        } else {
            milestone(runId, progress);
        }
    }

    synchronized void close() {
        if (bars && !quiet) {
            redraw();
        }
        out.flush();
    }

    /**
     * Updates may arrive late or twice (stream and polling); never step back. A different end does replace an end:
     * the hub says the runner completed, the results API may then say the run is incomplete. A run the hub reported
     * started stays running when a poll of the results API, which has not seen the start yet, still says queued.
     */
    private static boolean regresses(Progress previous, Progress next) {
        if (previous.finished()) {
            return !next.finished() || next.state().equals(previous.state());
        }
        if ("queued".equals(next.state()) && !"queued".equals(previous.state())) {
            return true;
        }
        return next.current() < previous.current() && !next.finished();
    }

    private void redraw() {
        if (drawnLines > 0) {
            out.print("\u001b[" + drawnLines + "A");
        }
        runs.values().forEach(p -> out.print("\r\u001b[2K" + bar(p) + "\n"));
        drawnLines = runs.size();
        out.flush();
    }

    private void milestone(String runId, Progress progress) {
        String line = progress.runtime() + ": "
                + switch (progress.state()) {
                    case "running" ->
                        progress.total() == 0 ? "running" : "running " + (progress.percent() / 25 * 25) + "%";
                    default -> progress.state();
                };
        if (!line.equals(lastLine.put(runId, line))) {
            out.println(line + (progress.finished() ? "" : detail(progress)));
            out.flush();
        }
    }

    private static String bar(Progress p) {
        int width = 30;
        int filled = p.percent() * width / 100;
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        return "%-14s [%s] %3d%%  %d/%d  %-9s%s"
                .formatted(p.runtime(), bar, p.percent(), p.current(), p.total(), p.state(), detail(p));
    }

    private static String detail(Progress p) {
        if (p.mean() == null) {
            return "";
        }
        return "  mean "
                + (p.ciHalf() == null
                        ? Units.time(p.mean())
                        : Units.meanWithInterval(p.mean(), p.mean() - p.ciHalf(), p.mean() + p.ciHalf()));
    }
}
