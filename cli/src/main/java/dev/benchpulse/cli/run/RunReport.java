package dev.benchpulse.cli.run;

import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.CliException;
import dev.benchpulse.cli.api.Run;
import dev.benchpulse.cli.compare.CompareCommand;
import dev.benchpulse.cli.compare.ComparisonReport;
import dev.benchpulse.cli.output.StatisticsTable;
import java.io.PrintWriter;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The end of {@code ./benchpulse run}: statistics, comparison, failures, and the exit code. */
final class RunReport {

    private final ApiClient client;
    private final PrintWriter out;
    private final PrintWriter err;

    RunReport(ApiClient client, PrintWriter out, PrintWriter err) {
        this.client = client;
        this.out = out;
        this.err = err;
    }

    /** Prints the result; returns 0 when every run completed, 1 otherwise. */
    int print(String slug, List<Run> runs, boolean json) {
        List<Run> completed = runs.stream().filter(Run::isCompleted).toList();
        JsonNode comparison = completed.size() >= 2
                ? CompareCommand.fetch(
                        client, slug, completed.stream().map(Run::runtime).toList())
                : null;
        if (json) {
            printJson(runs, comparison);
        } else {
            printText(completed, comparison);
        }
        out.flush();
        return failures(runs);
    }

    private void printJson(List<Run> runs, JsonNode comparison) {
        ObjectNode document = ApiClient.JSON.createObjectNode();
        document.set("runs", ApiClient.JSON.valueToTree(runs));
        if (comparison != null) {
            document.set("comparison", comparison);
        }
        out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document));
    }

    private void printText(List<Run> completed, JsonNode comparison) {
        out.println();
        StatisticsTable.lines(completed).forEach(out::println);
        if (comparison != null) {
            out.println();
            ComparisonReport.pairLines(comparison).forEach(out::println);
        }
    }

    /**
     * Names each run that did not complete, with why; 0 when all completed, else a {@link CliException}: exit code
     * 1 when a run failed or was cancelled, 4 when the only trouble is samples missing (INCOMPLETE).
     */
    private int failures(List<Run> runs) {
        List<Run> failed = runs.stream().filter(run -> !run.isCompleted()).toList();
        failed.forEach(run -> err.println(run.runtime() + " " + run.status() + ": " + run.failureText()));
        err.flush();
        if (!failed.isEmpty()) {
            boolean onlyIncomplete = failed.stream().allMatch(Run::isIncomplete);
            throw new CliException(
                    failed.size() + " of " + runs.size() + " run" + (runs.size() == 1 ? "" : "s") + " did not complete"
                            + (onlyIncomplete ? ": samples are missing." : "."),
                    onlyIncomplete ? CliException.INCOMPLETE : CliException.RUN_FAILED);
        }
        return 0;
    }
}
