package dev.benchpulse.cli.deadletters;

import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.api.ApiOptions;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code ./benchpulse dlt replay <topic>}: moves a dead-letter topic's waiting records back to their source. */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        description = {
            "Publishes every record waiting on a dead-letter topic to the topic it came from (same key, "
                    + "value and partition) and marks them replayed. Fix the cause first: a record still bad is parked "
                    + "again. Replaying a record that was stored after all changes nothing.",
            "Exit code: 0 replayed, 2 unknown topic, 3 stack unreachable."
        })
public final class DltReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ApiOptions api;

    @Parameters(
            paramLabel = "<topic>",
            description = "The dead-letter topic (e.g. benchpulse.benchmark-events.v1.dlt) "
                    + "or the topic its records came from.")
    String topic;

    @Override
    public Integer call() {
        ApiClient client = api.client();
        JsonNode replayed = client.post(
                "/api/operations/dead-letters/" + URLEncoder.encode(topic, StandardCharsets.UTF_8) + "/replay");
        PrintWriter out = spec.commandLine().getOut();
        out.println("Replayed " + replayed.path("replayed").asInt() + " record(s) from "
                + replayed.path("topic").asString(topic) + " to "
                + replayed.path("source").asString("its source")
                + ".");
        out.flush();
        return 0;
    }
}
