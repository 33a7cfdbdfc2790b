package dev.benchpulse.launcher.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What one fault drill found, and its line in the report.
 *
 * @param fault            the fault
 * @param injectedAfter    time from the runs' request to the fault
 * @param samplesAtFault   samples stored of each run when the fault struck
 * @param componentBack    from the fault (for an outage: from its end) until the component was healthy again;
 *                         null when no component was touched
 * @param caughtUp         from the fault's end until every run moved on again and the subscriber got a new update
 * @param completedAfter   from the fault until both runs ended
 * @param runs             what each run ended with
 * @param subscriber       what the browser-like subscriber saw
 * @param deadLetters      records parked during the drill, as {@code topic: value}
 * @param unexpectedParked those that are not the drill's own poison records
 * @param load             how busy the machine and the stack were meanwhile
 */
record DrillResult(
        Fault fault,
        Duration injectedAfter,
        List<Integer> samplesAtFault,
        Duration componentBack,
        Duration caughtUp,
        Duration completedAfter,
        List<RunOutcome> runs,
        SubscriberView subscriber,
        List<String> deadLetters,
        List<String> unexpectedParked,
        MachineLoad.Figures load) {

    /**
     * One run after the drill.
     *
     * @param runId          the run
     * @param runtime        its runtime
     * @param status         its status in the API
     * @param attempts       attempts recorded for it
     * @param storedOnce     every sample 1..n stored exactly once, all of its current attempt
     * @param stored         samples stored
     * @param duplicates     samples stored more than once for one iteration
     * @param statsProblems  statistics fields that differ from a recomputation
     * @param sawCompleted   the subscriber received its completed update
     */
    record RunOutcome(
            String runId,
            String runtime,
            String status,
            int attempts,
            boolean storedOnce,
            int stored,
            int duplicates,
            List<String> statsProblems,
            boolean sawCompleted) {}

    /**
     * The subscriber's view.
     *
     * @param updates     updates received (each once)
     * @param connections streams it opened
     * @param repeats     updates received again after a reconnection, dropped
     */
    record SubscriberView(int updates, int connections, int repeats) {}

    /** Everything that went wrong; empty when nothing was lost and nothing stuck. */
    List<String> lost(int iterations) {
        List<String> lost = new ArrayList<>();
        for (RunOutcome run : runs) {
            if (!"COMPLETED".equals(run.status())) {
                lost.add(run.runId() + " is " + run.status() + ", not COMPLETED");
            }
            if (!run.storedOnce()) {
                lost.add(run.runId() + " has " + run.stored() + " samples stored, not each of 1.." + iterations
                        + " once");
            }
            if (!run.statsProblems().isEmpty()) {
                lost.add(run.runId() + " statistics differ from a recomputation: " + run.statsProblems());
            }
            if (!run.sawCompleted()) {
                lost.add("the subscriber never received the completed update of " + run.runId());
            }
        }
        if (!unexpectedParked.isEmpty()) {
            lost.add("dead-lettered besides the poison records: " + unexpectedParked);
        }
        return lost;
    }

    /** One line of the report's table. */
    String tableRow(int iterations) {
        List<String> lost = lost(iterations);
        return "| `" + fault.id() + "` | " + fault.description() + " | " + seconds(injectedAfter)
                + " into the runs, at "
                + samplesAtFault.get(0) + " and " + samplesAtFault.get(1) + " of " + iterations + " samples stored | "
                + (componentBack == null ? "–" : seconds(componentBack)) + " | " + seconds(caughtUp) + " | "
                + seconds(completedAfter) + " | " + perRun(r -> String.valueOf(r.attempts())) + " | "
                + perRun(r -> r.stored() + " (" + r.duplicates() + ")") + " | "
                + subscriber.connections() + " streams, " + subscriber.repeats() + " repeats dropped | "
                + deadLetters.size()
                + (unexpectedParked.isEmpty() ? " (poison only)" : " (" + unexpectedParked.size() + " unexpected)")
                + " | "
                + String.format(
                        Locale.ROOT,
                        "%.1f / %.1f | %.0f / %.0f in %.0f s",
                        load.loadMean(),
                        load.loadMax(),
                        load.stackCpu(),
                        load.machineCpu(),
                        load.wallSeconds())
                + " | " + (lost.isEmpty() ? "nothing" : String.join("; ", lost)) + " |";
    }

    private String perRun(Function<RunOutcome, String> figure) {
        return runs.stream().map(figure).reduce((a, b) -> a + " / " + b).orElse("");
    }

    static String tableHeader() {
        return "| fault | what was done | when | component back after | caught up after | both runs ended after "
                + "| attempts | samples stored (duplicates) | subscriber | parked on a DLT | load average (mean / max) "
                + "| CPU s (stack / machine) | lost |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|";
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
