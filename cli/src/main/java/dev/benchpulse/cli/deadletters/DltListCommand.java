package dev.benchpulse.cli.deadletters;

import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.ApiOptions;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ./benchpulse dlt list}: every dead-letter topic with the records waiting on it and why. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists every dead-letter topic with how many records wait on it and, for each, its partition "
                + "and offset, its run, when and why it was parked and by which consumer group.")
public final class DltListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Option(
            names = "--limit",
            paramLabel = "<n>",
            defaultValue = "20",
            description = "Records shown per topic, 0 to 200 (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print the API's JSON.")
    boolean json;

    @Override
    public Integer call() {
        ApiClient client = api.client();
        JsonNode report = client.get("/api/operations/dead-letters?limit=" + Math.max(0, Math.min(200, limit)));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(ApiClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(report));
        } else {
            print(out, report);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, JsonNode report) {
        for (JsonNode topic : report.path("topics")) {
            long depth = topic.path("depth").asLong();
            out.printf("%-40s %d waiting%n", topic.path("topic").asString(""), depth);
            for (JsonNode record : topic.path("records")) {
                out.printf(
                        "  partition %d offset %d  run %s  parked %s  by %s: %s%n",
                        record.path("partition").asInt(),
                        record.path("offset").asLong(),
                        record.path("runId").asString("?"),
                        record.path("parkedAt").asString("?"),
                        record.path("consumerGroup").asString("?"),
                        record.path("reason").asString("no reason recorded"));
            }
            if (depth > topic.path("records").size()) {
                out.printf("  ... %d more%n", depth - topic.path("records").size());
            }
        }
        long waiting = report.path("waiting").asLong();
        if (waiting == 0) {
            out.println("Nothing waits on the dead-letter topics.");
            return;
        }
        out.println(waiting + " record(s) wait. Fix the cause, then replay a topic's records to where they came "
                + "from: ./benchpulse dlt replay <topic>");
    }
}
