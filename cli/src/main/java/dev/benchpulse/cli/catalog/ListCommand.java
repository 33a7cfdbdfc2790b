package dev.benchpulse.cli.catalog;

import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.ApiOptions;
import dev.benchpulse.cli.output.Table;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ./benchpulse list}: the benchmark catalog. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the benchmarks of the catalog.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Option(
            names = {"-c", "--category"},
            paramLabel = "<category>",
            description = "Only this category.")
    String category;

    @Option(names = "--json", description = "Print the API's JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<JsonNode> benchmarks = new ArrayList<>();
        api.client().get("/api/benchmarks").forEach(b -> {
            if (category == null || category.equalsIgnoreCase(b.path("category").asString(""))) {
                benchmarks.add(b);
            }
        });
        if (json) {
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(benchmarks));
            return 0;
        }
        Table table = Table.text("benchmark", "category", "name", "tags");
        benchmarks.forEach(b -> table.row(
                b.path("slug").asString(""),
                b.path("category").asString(""),
                b.path("name").asString(""),
                tags(b)));
        table.lines().forEach(out::println);
        out.println(benchmarks.size() + " benchmark" + (benchmarks.size() == 1 ? "" : "s")
                + (category == null ? "" : " in " + category.toLowerCase(Locale.ROOT))
                + ". Run one with ./benchpulse run <benchmark>.");
        return 0;
    }

    private static String tags(JsonNode benchmark) {
        List<String> tags = new ArrayList<>();
        benchmark.path("tags").forEach(tag -> tags.add(tag.asString("")));
        return String.join(", ", tags);
    }
}
