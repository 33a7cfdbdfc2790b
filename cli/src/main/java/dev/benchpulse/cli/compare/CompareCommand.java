package dev.benchpulse.cli.compare;

import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.ApiOptions;
import dev.benchpulse.cli.api.CliException;
import dev.benchpulse.cli.api.Run;
import dev.benchpulse.cli.catalog.BenchmarkSelection;
import dev.benchpulse.cli.catalog.Catalog;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./benchpulse compare <slug> --runtime a --runtime b}: the latest completed runs side by side. A runtime
 * whose newest run is INCOMPLETE (samples missing) is named, and the exit code says so: that run is not compared.
 */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Compares the latest completed runs of a benchmark on several runtimes: statistics, ratio of "
                    + "medians with its confidence interval, and whether the difference is significant.",
            "Exit code: 0 compared, 2 unknown benchmark or runtime, 3 stack unreachable, 4 the newest run of a "
                    + "runtime is INCOMPLETE (samples missing) and was left out."
        })
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Mixin
    BenchmarkSelection selection;

    @Option(names = "--json", description = "Print the API's JSON.")
    boolean json;

    @Override
    public Integer call() {
        ApiClient client = api.client();
        List<String> chosen = selection.runtimes(new Catalog(client));
        if (chosen.size() < 2) {
            throw new CliException(
                    "A comparison needs two runtimes or more; got " + chosen + ". Name them with "
                            + "--runtime a --runtime b.",
                    CliException.USAGE);
        }
        JsonNode comparison = fetch(client, selection.slug(), chosen);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(comparison));
        } else {
            ComparisonReport.lines(comparison).forEach(out::println);
        }
        return incomplete(client, selection.slug(), chosen);
    }

    /** Names each runtime whose newest run is INCOMPLETE; {@link CliException#INCOMPLETE} when there is one. */
    private int incomplete(ApiClient client, String slug, List<String> runtimes) {
        PrintWriter err = spec.commandLine().getErr();
        int found = 0;
        for (String runtime : runtimes) {
            JsonNode newest = client.get("/api/runs?size=1&benchmark=" + URLEncoder.encode(slug, StandardCharsets.UTF_8)
                            + "&runtime=" + URLEncoder.encode(runtime, StandardCharsets.UTF_8))
                    .path("items")
                    .path(0);
            if ("INCOMPLETE".equals(newest.path("status").asString(""))) {
                Run run = ApiClient.JSON.treeToValue(newest, Run.class);
                err.println(runtime + ": the newest run " + run.id() + " is INCOMPLETE and is not compared: "
                        + run.missingText());
                found++;
            }
        }
        err.flush();
        return found == 0 ? 0 : CliException.INCOMPLETE;
    }

    /** {@code GET /api/benchmarks/{slug}/comparison?runtimes=a,b}. */
    public static JsonNode fetch(ApiClient client, String slug, List<String> runtimes) {
        return client.get("/api/benchmarks/" + URLEncoder.encode(slug, StandardCharsets.UTF_8) + "/comparison?runtimes="
                + URLEncoder.encode(String.join(",", runtimes), StandardCharsets.UTF_8));
    }
}
