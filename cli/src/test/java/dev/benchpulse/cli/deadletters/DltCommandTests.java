package dev.benchpulse.cli.deadletters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.cli.CliResult;
import dev.benchpulse.cli.FakeBenchpulseApi;
import dev.benchpulse.cli.api.ApiClient;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class DltCommandTests {

    private final FakeBenchpulseApi api;

    DltCommandTests() throws IOException {
        api = new FakeBenchpulseApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void list_shows_each_topic_with_its_waiting_records_their_run_and_why() {
        ObjectNode report = ApiClient.JSON.createObjectNode().put("waiting", 1);
        ObjectNode events = report.putArray("topics")
                .addObject()
                .put("topic", "benchpulse.benchmark-events.v1.dlt")
                .put("source", "benchpulse.benchmark-events.v1")
                .put("depth", 1);
        events.putArray("records")
                .addObject()
                .put("partition", 3)
                .put("offset", 17)
                .put("runId", "run-1")
                .put("parkedAt", "2026-12-07T10:00:00Z")
                .put("consumerGroup", "benchpulse-results")
                .put("reason", "BenchmarkProgress breaks the contract: currentIteration 0 is not 1-based");
        api.deadLetters(report);

        CliResult result = CliResult.run("dlt", "list", "--url", api.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.requests()).contains("GET /api/operations/dead-letters?limit=20");
        assertThat(result.out())
                .contains(
                        "benchpulse.benchmark-events.v1.dlt",
                        "1 waiting",
                        "partition 3 offset 17  run run-1",
                        "by benchpulse-results: BenchmarkProgress breaks the contract",
                        "./benchpulse dlt replay <topic>");
    }

    @Test
    void list_says_when_nothing_waits() {
        CliResult result = CliResult.run("dlt", "list", "--url", api.url());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Nothing waits on the dead-letter topics.");
    }

    @Test
    void replay_moves_a_topics_records_back_to_their_source() {
        CliResult result = CliResult.run("dlt", "replay", "benchpulse.benchmark-events.v1.dlt", "--url", api.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.requests())
                .contains("POST /api/operations/dead-letters/benchpulse.benchmark-events.v1.dlt/replay");
        assertThat(result.out())
                .contains("Replayed 2 record(s) from benchpulse.benchmark-events.v1.dlt to "
                        + "benchpulse.benchmark-events.v1.");
    }

    @Test
    void replay_of_an_unknown_topic_exits_2_with_the_services_reason() {
        CliResult result = CliResult.run("dlt", "replay", "nope", "--url", api.url());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("No dead-letter topic is named 'nope'");
    }
}
