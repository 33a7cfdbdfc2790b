package dev.benchpulse.cli.catalog;

import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.ApiOptions;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;

/** {@code ./benchpulse calibrate <slug>}: how many inner iterations make one sample last about the target time. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Suggests inner iterations for a benchmark so that one sample lasts about the target time.")
public final class CalibrateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Parameters(index = "0", paramLabel = "<benchmark>", description = "The benchmark's slug.")
    String slug;

    @Option(names = {"-r", "--runtime"}, paramLabel = "<runtime>",
            description = "Calibrate on this runtime (default: every available one).")
    List<String> runtimes = new ArrayList<>();

    @Option(names = "--json", description = "Print the API's JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ApiClient client = api.client();
        Catalog catalog = new Catalog(client);
        JsonNode benchmark = catalog.benchmark(slug);
        for (String runtime : catalog.choose(benchmark, runtimes)) {
            JsonNode answer = client.post("/api/benchmarks/" + URLEncoder.encode(slug, StandardCharsets.UTF_8)
                    + "/calibrate?runtime=" + URLEncoder.encode(runtime, StandardCharsets.UTF_8));
            if (json) {
                out.println(ApiClient.JSON.writeValueAsString(answer));
            } else {
                print(out, runtime, answer);
            }
        }
        return 0;
    }

    private void print(PrintWriter out, String runtime, JsonNode answer) {
        JsonNode inner = answer.has("innerIterations") ? answer.path("innerIterations")
                : answer.path("suggestedInnerIterations");
        out.println(slug + " on " + runtime + ": " + (inner.isMissingNode() ? "calibrated"
                : inner.asString() + " inner iterations per sample"));
        answer.properties().stream()
                .filter(e -> e.getValue().isValueNode() && !e.getKey().toLowerCase().contains("inneriterations"))
                .forEach(e -> out.println("  " + e.getKey() + ": " + e.getValue().asString()));
    }
}
