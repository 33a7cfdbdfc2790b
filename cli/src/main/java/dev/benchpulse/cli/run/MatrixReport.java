package dev.benchpulse.cli.run;

import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.CliException;
import dev.benchpulse.cli.output.Table;
import dev.benchpulse.cli.output.Units;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The result of a matrix: one line per benchmark with each runtime's median and, with several runtimes, the ratio
 * of the last runtime's median to the first's (below 1: the last is faster). Exit code 1 when a run failed, else 4
 * when a run is INCOMPLETE (samples missing): such a run has no median here.
 */
final class MatrixReport {

    private final PrintWriter out;

    MatrixReport(PrintWriter out) {
        this.out = out;
    }

    int print(JsonNode matrix, boolean json) {
        if (json) {
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(matrix));
        } else {
            table(matrix);
        }
        out.flush();
        int failed = matrix.path("byStatus").path("FAILED").asInt(0)
                + matrix.path("byStatus").path("CANCELLED").asInt(0);
        if (failed > 0) {
            throw new CliException(
                    failed + " of " + matrix.path("runs").asInt(0) + " runs failed or were cancelled "
                            + "(marked above; ./benchpulse run <benchmark> -r <runtime> shows why).",
                    CliException.RUN_FAILED);
        }
        int incomplete = matrix.path("byStatus").path("INCOMPLETE").asInt(0);
        if (incomplete > 0) {
            throw new CliException(
                    incomplete + " of " + matrix.path("runs").asInt(0) + " runs did not complete: "
                            + "samples are missing (marked above; ./benchpulse dlt list shows records waiting on the "
                            + "dead-letter topics).",
                    CliException.INCOMPLETE);
        }
        return 0;
    }

    private void table(JsonNode matrix) {
        List<String> runtimes = new ArrayList<>();
        matrix.path("runtimes").forEach(r -> runtimes.add(r.asString("")));
        List<String> headers = new ArrayList<>(List.of("benchmark"));
        runtimes.forEach(r -> headers.add(r + " median"));
        boolean ratio = runtimes.size() > 1;
        if (ratio) {
            headers.add(runtimes.getLast() + " / " + runtimes.getFirst());
        }
        Table table = Table.numeric(headers.toArray(String[]::new));
        matrix.path("benchmarks").forEach(benchmark -> {
            List<String> cells = new ArrayList<>(List.of(benchmark.path("slug").asString("")));
            runtimes.forEach(runtime -> cells.add(cell(run(benchmark, runtime))));
            if (ratio) {
                cells.add(ratio(run(benchmark, runtimes.getLast()), run(benchmark, runtimes.getFirst())));
            }
            table.row(cells.toArray(String[]::new));
        });
        table.lines().forEach(out::println);
    }

    private static JsonNode run(JsonNode benchmark, String runtime) {
        for (JsonNode run : benchmark.path("runs")) {
            if (run.path("runtime").asString("").equals(runtime)) {
                return run;
            }
        }
        return null;
    }

    private static String cell(JsonNode run) {
        if (run == null) {
            return "skipped";
        }
        String status = run.path("status").asString("");
        return status.equals("COMPLETED")
                ? Units.time(run.path("median").asDouble())
                : status.toLowerCase(Locale.ROOT)
                        + (run.path("failureReason").isString()
                                ? " (" + run.path("failureReason").asString() + ")"
                                : "");
    }

    private static String ratio(JsonNode last, JsonNode first) {
        if (last == null
                || first == null
                || !last.path("median").isNumber()
                || !first.path("median").isNumber()
                || first.path("median").asDouble() == 0) {
            return "-";
        }
        return String.format(
                Locale.ROOT,
                "%.2f",
                last.path("median").asDouble() / first.path("median").asDouble());
    }
}
