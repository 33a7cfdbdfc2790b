package dev.benchpulse.cli.catalog;

import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.ApiOptions;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ./benchpulse calibrate <slug>}: how many inner iterations make one sample last about the target time. */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        description = "Suggests inner iterations for a benchmark so that one sample lasts about the target time.")
public final class CalibrateCommand implements Callable<Integer> {

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
        PrintWriter out = spec.commandLine().getOut();
        ApiClient client = api.client();
        String slug = selection.slug();
        for (String runtime : selection.runtimes(new Catalog(client))) {
            JsonNode answer = client.post("/api/benchmarks/" + URLEncoder.encode(slug, StandardCharsets.UTF_8)
                    + "/calibrate?runtime=" + URLEncoder.encode(runtime, StandardCharsets.UTF_8));
            if (json) {
                out.println(ApiClient.JSON.writeValueAsString(answer));
            } else {
                print(out, slug, runtime, answer);
            }
        }
        return 0;
    }

    private static void print(PrintWriter out, String slug, String runtime, JsonNode answer) {
        JsonNode inner = answer.has("innerIterations")
                ? answer.path("innerIterations")
                : answer.path("suggestedInnerIterations");
        out.println(slug + " on " + runtime + ": "
                + (inner.isMissingNode() ? "calibrated" : inner.asString() + " inner iterations per sample"));
        answer.properties().stream()
                .filter(e -> e.getValue().isValueNode()
                        && !e.getKey().toLowerCase(Locale.ROOT).contains("inneriterations"))
                .forEach(
                        e -> out.println("  " + e.getKey() + ": " + e.getValue().asString()));
    }
}
