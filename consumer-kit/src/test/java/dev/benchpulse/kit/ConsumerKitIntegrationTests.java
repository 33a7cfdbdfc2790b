package dev.benchpulse.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.EventType;
import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.contracts.avro.RunCancelRequested;
import dev.benchpulse.contracts.schema.ContractSchemas;
import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.kit.ReferenceDecoding.Decoded;
import dev.benchpulse.runner.RunnerServiceApplication;
import dev.benchpulse.testsupport.EmbeddedBroker;
import dev.benchpulse.testsupport.TopicRecorder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The two example consumers against events the real runner published: the runner service runs on the embedded
 * broker (profile {@code kit}: this module's catalog, the local PHP), completes one run, fails one with a PHP
 * error, completes one whose samples are long enough for heartbeats, and receives a cancel request. Then the Java and the Node.js consumer each read the three topics as
 * separate programs, and every line they print must equal, field by field, what the contracts' own deserializer
 * reads from the same records.
 */
@SpringBootTest(classes = RunnerServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("kit")
@AutoConfigureWebTestClient(timeout = "30s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsumerKitIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final List<Topic<String, ?>> TOPICS =
            List.of(Topics.RUN_REQUESTS, Topics.BENCHMARK_EVENTS, Topics.RUN_CONTROL);

    @Autowired
    WebTestClient client;

    private List<Decoded> reference;

    @BeforeAll
    void runnerPublishesACompletedAFailedAndACancelledRun() throws InterruptedException {
        try (TopicRecorder<String, SpecificRecord> events = TopicRecorder.start(Topics.BENCHMARK_EVENTS);
                TopicRecorder<String, RunCancelRequested> cancels = TopicRecorder.start(Topics.RUN_CONTROL)) {
            UUID completed = request("kit-sum", 3);
            UUID failed = request("kit-error", 2);
            UUID slow = request("kit-sleep", 2); // quiet for longer than the heartbeat interval: heartbeats
            awaitLast(events, completed, BenchmarkCompleted.class);
            awaitLast(events, failed, BenchmarkFailed.class);
            awaitLast(events, slow, BenchmarkCompleted.class);
            // a state-changing request without a JSON body says who sends it (the cross-site rule)
            client.delete()
                    .uri("/api/runs/{id}", completed)
                    .header(ApiHeaders.CLIENT, "consumer-kit-test")
                    .exchange()
                    .expectStatus()
                    .isAccepted();
            cancels.awaitRecords(r -> r.key().equals(completed.toString()), 1, WAIT);
        }

        reference = ReferenceDecoding.read(EmbeddedBroker.bootstrapServers(), TOPICS);
        assertThat(reference)
                .extracting(d -> EventType.of(d.value()))
                .containsAll(
                        TOPICS.stream().flatMap(t -> t.eventTypes().stream()).toList());
        assertThat(reference)
                .anySatisfy(d -> assertThat(d.value())
                        .isInstanceOfSatisfying(
                                BenchmarkFailed.class,
                                f -> assertThat(f.getReason()).isEqualTo(FailureReason.SCRIPT_ERROR)));
    }

    private static void awaitLast(
            TopicRecorder<String, SpecificRecord> events, UUID run, Class<? extends SpecificRecord> terminal) {
        await().atMost(WAIT)
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() ->
                        assertThat(events.valuesWithKey(run.toString())).last().isInstanceOf(terminal));
    }

    @Test
    void the_java_consumer_prints_every_event_as_the_contracts_deserializer_reads_it() throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("consumer-kit.classes")
                        + File.pathSeparator
                        + Files.readString(Path.of(System.getProperty("consumer-kit.classpath-file")))
                                .strip(),
                JavaConsumer.class.getName(),
                "--bootstrap-servers",
                EmbeddedBroker.bootstrapServers(),
                "--group",
                "kit-java-" + UUID.randomUUID(),
                "--from-beginning",
                "--max-events",
                String.valueOf(reference.size())));
        TOPICS.forEach(t -> command.addAll(List.of("--topic", t.name())));

        assertPrintsTheReference(ConsumerProcess.run("java-consumer", command, Path.of("."), WAIT));
    }

    @Test
    void the_node_consumer_decodes_every_event_type_from_the_schema_files_alone() throws Exception {
        Path node = ConsumerProcess.onPath("node").orElse(null);
        Assumptions.assumeTrue(
                node != null,
                "node is not on the PATH: the Node.js consumer is not tested on this "
                        + "machine. Install Node.js 18+ with npm (CI has it) to run this test.");
        Path dir = Path.of(System.getProperty("consumer-kit.node-dir"));
        assertThat(dir.resolve("node_modules/kafkajs"))
                .as("node is here, so the build must have run npm ci in " + dir)
                .isDirectory();
        List<String> command = new ArrayList<>(List.of(
                node.toString(),
                "consumer.js",
                "--brokers",
                EmbeddedBroker.bootstrapServers(),
                "--group",
                "kit-node-" + UUID.randomUUID(),
                "--from-beginning",
                "--max-events",
                String.valueOf(reference.size()),
                "--schemas",
                System.getProperty("consumer-kit.schema-dir")));
        TOPICS.forEach(t -> command.addAll(List.of("--topic", t.name())));

        assertPrintsTheReference(ConsumerProcess.run("node-consumer", command, dir, WAIT));
    }

    @Test
    void the_runners_records_name_their_writer_schema_url_at_the_local_gateway_in_ce_dataschema() {
        assertThat(reference)
                .allSatisfy(d -> assertThat(d.line().get("dataschema"))
                        .isEqualTo("http://localhost:8080/api/schemas/"
                                + ContractSchemas.text(ContractSchemas.fingerprint(EventType.of(d.value())))));
    }

    @Test
    void the_java_consumer_needs_nothing_but_the_contracts_jar() throws IOException {
        String classpath = Files.readString(Path.of(System.getProperty("consumer-kit.classpath-file")));

        List<String> jars = Arrays.stream(classpath.strip().split(File.pathSeparator))
                .map(entry -> Path.of(entry).getFileName().toString())
                .toList();
        assertThat(jars)
                .anyMatch(jar -> jar.startsWith("contracts"))
                .anyMatch(jar -> jar.startsWith("kafka-clients"))
                .noneMatch(jar -> jar.startsWith("spring"))
                .noneMatch(jar -> jar.startsWith("runner-service"));
    }

    /** Every record once, in each partition's order, each line equal field by field to the reference. */
    private void assertPrintsTheReference(List<String> lines) {
        Map<String, Map<String, Object>> printed = lines.stream()
                .map(ConsumerLines::parse)
                .collect(Collectors.toMap(ConsumerKitIntegrationTests::position, line -> line));
        assertThat(printed).as("one line per record").hasSize(reference.size());
        List<String> differences = new ArrayList<>();
        for (Decoded expected : reference) {
            String where = position(expected.line());
            Map<String, Object> line = printed.get(where);
            if (line == null) {
                differences.add(where + ": not printed");
            } else {
                differences.addAll(
                        ConsumerLines.differences(where + " " + expected.line().get("schema"), expected.line(), line));
            }
        }
        assertThat(differences).isEmpty();
    }

    private static String position(Map<String, Object> line) {
        return line.get("topic") + "-" + line.get("partition") + "@" + line.get("offset");
    }

    private UUID request(String benchmark, int iterations) {
        String body = client.post()
                .uri("/api/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("benchmark", benchmark, "runtimes", List.of("php"), "iterations", iterations))
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        return UUID.fromString(body.replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1"));
    }
}
