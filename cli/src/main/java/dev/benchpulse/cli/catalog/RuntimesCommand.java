package dev.benchpulse.cli.catalog;

import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.ApiOptions;
import dev.benchpulse.cli.output.Table;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ./benchpulse runtimes}: the PHP runtimes and whether each can run benchmarks now. */
@Command(
        name = "runtimes",
        mixinStandardHelpOptions = true,
        description = "Lists the PHP runtimes, their PHP version and whether they are available.")
public final class RuntimesCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Option(names = "--json", description = "Print the API's JSON.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, JsonNode> runtimes = new Catalog(api.client()).runtimes();
        if (json) {
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(runtimes.values()));
            return 0;
        }
        Table table = Table.text("runtime", "name", "php", "available");
        runtimes.values()
                .forEach(r -> table.row(
                        r.path("id").asString(""),
                        r.path("name").asString(""),
                        r.path("phpVersion").asString("-"),
                        r.path("available").asBoolean(true) ? "yes" : "no" + Catalog.reason(r)));
        table.lines().forEach(out::println);
        return 0;
    }
}
