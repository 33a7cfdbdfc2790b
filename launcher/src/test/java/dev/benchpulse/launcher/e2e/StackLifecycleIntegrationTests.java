package dev.benchpulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.launcher.components.KillCommand;
import dev.benchpulse.launcher.config.Ports;
import dev.benchpulse.launcher.status.StatusCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starting, stopping and failing, on small stacks of a few real components each (their own free ports and state
 * directories, beside any other stack).
 */
class StackLifecycleIntegrationTests {

    private static final Duration UP = Duration.ofMinutes(4);

    @Test
    void state_survives_a_restart_and_fresh_starts_clean() throws Exception {
        // Given: a stack with a topic and a table of its own
        Path state = LaunchedStack.freshStateDir("restart");
        Ports ports = FreePorts.forStack();
        String keys;
        try (LaunchedStack first = LaunchedStack.start("restart-1", state, ports, "--only", "kafka,postgres", "--cds")
                .awaitUp(UP)) {
            createTopic(ports, "e2e-history");
            sql(ports, "CREATE TABLE e2e_history (id int)");
            keys = Files.readString(state.resolve("keys.env"));
            // When it stops
            assertThat(first.stop()).isEqualTo(143);
            assertThat(first.outputLines()).containsSubsequence("Stopping kafka, postgres ...");
            assertThat(first.output()).contains("stopped kafka", "stopped postgres");
            assertThat(state.resolve("stack.pids")).doesNotExist();
        }

        // Then a restart still has them
        try (LaunchedStack second = LaunchedStack.start("restart-2", state, ports, "--only", "kafka,postgres", "--cds")
                .awaitUp(UP)) {
            assertThat(topics(ports)).contains("e2e-history");
            assertThat(sql(ports, "SELECT count(*) FROM e2e_history")).isTrue();
            assertThat(Files.readString(state.resolve("keys.env"))).isEqualTo(keys);
        }

        // And --fresh starts without them
        try (LaunchedStack fresh = LaunchedStack.start(
                        "restart-3", state, ports, "--only", "kafka,postgres", "--fresh", "--cds")
                .awaitUp(UP)) {
            assertThat(fresh.output()).contains("Fresh start: removed the Kafka log, the PostgreSQL data");
            assertThat(topics(ports)).doesNotContain("e2e-history").contains("benchpulse.run-requests.v1");
            assertThat(sql(ports, "SELECT count(*) FROM pg_tables WHERE tablename = 'e2e_history' HAVING count(*) > 0"))
                    .isFalse();
            assertThat(Files.readString(state.resolve("keys.env"))).isNotEqualTo(keys);
        }
    }

    @Test
    void preparing_trains_a_class_data_archive_that_the_first_start_maps_and_its_stop_leaves_alone() throws Exception {
        // Given a build that was never prepared (a cache of its own)
        Path state = LaunchedStack.freshStateDir("prepare");
        Path cache = state.resolve("cache");
        Ports ports = FreePorts.forStack();

        // When it is prepared
        LaunchedStack preparing = LaunchedStack.start(
                "prepare-1", state, cache, ports, "--only", "mercure-hub", "--cds", "--prepare-only");

        // Then the hub's training run left its archive beside its unpacked jar, and nothing was started
        assertThat(preparing.awaitExit(UP)).as(preparing.output()).isZero();
        assertThat(preparing.outputLines())
                .containsSubsequence("Preparing mercure-hub (once after a build: unpacking "
                        + "jars, class-data-sharing training runs) ...")
                .anyMatch(line -> line.matches("  mercure-hub +prepared in [0-9.]+ s"))
                .anyMatch(line -> line.startsWith("Prepared in "))
                .noneMatch(line -> line.startsWith("Starting"));
        preparing.assertNoProcessLeft(Duration.ofSeconds(10));
        Path archive;
        try (Stream<Path> files = Files.find(
                cache.resolve("apps"),
                2,
                (path, attributes) -> path.getFileName().toString().equals("mercure-hub.jsa"))) {
            archive = files.findFirst().orElseThrow();
        }
        FileTime trained = Files.getLastModifiedTime(archive);

        // When the stack starts
        try (LaunchedStack stack = LaunchedStack.start(
                        "prepare-2", state, cache, ports, "--only", "mercure-hub", "--cds")
                .awaitUp(UP)) {
            // Then there is nothing left to prepare and the hub's JVM has the archive mapped
            assertThat(stack.output()).doesNotContain("Prepar");
            long hub = stack.processes().get("mercure-hub");
            assertThat(Files.readString(Path.of("/proc/" + hub + "/maps"))).contains(archive.toString());
            assertThat(stack.stop()).isEqualTo(143);
        }

        // And its first stop did not write the archive again
        assertThat(Files.getLastModifiedTime(archive)).isEqualTo(trained);
    }

    @Test
    void a_component_that_dies_is_reported_with_its_log_tail_and_restarted_and_status_shows_it() throws Exception {
        Path state = LaunchedStack.freshStateDir("dies");
        try (LaunchedStack stack = LaunchedStack.start(
                        "dies", state, FreePorts.forStack(), "--only", "postgres,mercure-hub")
                .awaitUp(UP)) {
            long hub = stack.processes().get("mercure-hub");
            long postgres = stack.processes().get("postgres");

            ProcessHandle.of(hub).ifPresent(ProcessHandle::destroyForcibly);

            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(stack.outputLines())
                            .contains(
                                    "mercure-hub exited unexpectedly (exit code 137); the rest of the stack keeps running.",
                                    "  last lines of " + state.resolve("logs/mercure-hub.log") + ":",
                                    "Restarting mercure-hub in 1.0 s (restart 1).")
                            .anyMatch(
                                    line -> line.startsWith("    | ") && line.contains("Started MercureHubApplication"))
                            .anyMatch(line -> line.startsWith("mercure-hub is back (pid ")));
            assertThat(ProcessHandle.of(postgres))
                    .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
            assertThat(stack.launcher().isAlive()).isTrue();
            JsonNode status = status(state);
            JsonNode restarted = component(status, "mercure-hub");
            assertThat(restarted.path("state").asString()).isEqualTo("running");
            assertThat(restarted.path("pid").asLong())
                    .isNotEqualTo(hub)
                    .isEqualTo(stack.processes().get("mercure-hub"));
            assertThat(restarted.path("healthy").asBoolean()).isTrue();
            assertThat(restarted.path("restarts").asInt()).isEqualTo(1);
            assertThat(restarted.path("lastExitCode").asInt()).isEqualTo(137);
            assertThat(component(status, "postgres").path("restarts").asInt()).isZero();
        }
    }

    @Test
    void postgresql_killed_on_request_is_restarted_with_its_data() throws Exception {
        Path state = LaunchedStack.freshStateDir("kill-postgres");
        Ports ports = FreePorts.forStack();
        try (LaunchedStack stack = LaunchedStack.start("kill-postgres", state, ports, "--only", "postgres")
                .awaitUp(UP)) {
            sql(ports, "CREATE TABLE e2e_survivor (id int)");
            long before = stack.processes().get("postgres");

            CommandLine kill = new CommandLine(new KillCommand());
            assertThat(kill.execute("postgres", "--state-dir", state.toString()))
                    .isZero();

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                JsonNode postgres = component(status(state), "postgres");
                assertThat(postgres.path("healthy").asBoolean()).isTrue();
                assertThat(postgres.path("restarts").asInt()).isEqualTo(1);
                assertThat(postgres.path("pid").asLong()).isNotEqualTo(before);
            });
            assertThat(ProcessHandle.of(before)).isEmpty();
            assertThat(sql(ports, "SELECT count(*) FROM e2e_survivor")).isTrue();
            assertThat(stack.output())
                    .contains(
                            "Killing postgres (pid " + before + ") on request (SIGKILL) ...",
                            "postgres exited unexpectedly (exit code 137)");
        }
    }

    /** {@code ./benchpulse status --json} of the stack on {@code state}, run in this JVM. */
    private static JsonNode status(Path state) {
        StringWriter out = new StringWriter();
        CommandLine status = new CommandLine(new StatusCommand());
        status.setOut(new PrintWriter(out, true));
        status.execute("--json", "--state-dir", state.toString());
        return JsonMapper.builder().build().readTree(out.toString());
    }

    private static JsonNode component(JsonNode status, String name) {
        for (JsonNode component : status) {
            if (component.path("name").asString().equals(name)) {
                return component;
            }
        }
        throw new AssertionError("No " + name + " in " + status);
    }

    @Test
    void two_hubs_form_a_cluster_an_update_published_to_one_reaches_a_subscriber_of_the_other() throws Exception {
        Path state = LaunchedStack.freshStateDir("hubs");
        Ports ports = FreePorts.forStack();
        try (LaunchedStack stack = LaunchedStack.start(
                        "hubs", state, ports, "--hubs", "2", "--only", "kafka,mercure-hub,mercure-hub-2")
                .awaitUp(UP)) {
            assertThat(stack.processes()).containsKeys("mercure-hub", "mercure-hub-2");
            Properties keys = new Properties();
            keys.load(Files.newBufferedReader(state.resolve("keys.env")));
            long exp = java.time.Instant.now().plusSeconds(3600).getEpochSecond(); // the stack's hub requires exp
            String subscriber = Jws.hs256(
                    keys.getProperty("MERCURE_SUBSCRIBER_JWT_KEY"),
                    "{\"exp\":" + exp + ",\"mercure\":{\"subscribe\":[\"*\"]}}");
            String publisher = Jws.hs256(
                    keys.getProperty("MERCURE_PUBLISHER_JWT_KEY"),
                    "{\"exp\":" + exp + ",\"mercure\":{\"publish\":[\"*\"]}}");
            HttpClient http = HttpClient.newHttpClient();
            List<String> lines = new CopyOnWriteArrayList<>();
            http.sendAsync(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (ports.hub() + 1)
                                            + "/.well-known/mercure?topic=cluster"))
                                    .header("Authorization", "Bearer " + subscriber)
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().forEach(lines::add));
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains(":"));

            HttpResponse<String> published = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.hub() + "/.well-known/mercure"))
                            .header("Authorization", "Bearer " + publisher)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("topic=cluster&id=first-update&data=shared"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(published.body()).isEqualTo("first-update");
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(lines).containsSubsequence("id: first-update", "data: shared"));
        }
    }

    @Test
    void a_port_in_use_is_named_with_its_holder_before_anything_starts() throws Exception {
        Ports ports = FreePorts.forStack();
        Path state = LaunchedStack.freshStateDir("port-in-use");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", ports.kafka()));
            LaunchedStack stack = LaunchedStack.start("port-in-use", state, ports, "--only", "kafka,postgres");

            assertThat(stack.awaitExit(Duration.ofMinutes(1))).isEqualTo(1);
            assertThat(stack.output())
                    .contains(
                            "ERROR Port " + ports.kafka() + " (kafka) is already in use by pid "
                                    + ProcessHandle.current().pid(),
                            "--kafka-port (or BENCHPULSE_KAFKA_PORT)")
                    .doesNotContain("Starting");
            stack.assertNoProcessLeft(Duration.ofSeconds(5));
        }
    }

    @Test
    void a_killed_launcher_takes_its_components_with_it_and_a_second_launcher_is_refused() throws Exception {
        // Given
        Path state = LaunchedStack.freshStateDir("killed");
        Ports ports = FreePorts.forStack();
        LaunchedStack stack = LaunchedStack.start("killed", state, ports, "--only", "postgres")
                .awaitUp(UP);
        ProcessHandle postgres =
                ProcessHandle.of(stack.processes().get("postgres")).orElseThrow();

        // When a second launcher tries the same state directory
        LaunchedStack second = LaunchedStack.start("killed-second", state, FreePorts.forStack(), "--only", "postgres");

        // Then it is refused
        assertThat(second.awaitExit(Duration.ofMinutes(1))).isEqualTo(1);
        assertThat(second.output())
                .contains("Another ./benchpulse up (pid " + stack.launcher().pid() + ") is running on " + state);

        // When the launcher is killed outright (no shutdown hook runs)
        stack.launcher().destroyForcibly();

        // Then its watchdog stops PostgreSQL
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(postgres.isAlive()).isFalse());
        stack.assertNoProcessLeft(Duration.ofSeconds(30));
    }

    private static void createTopic(Ports ports, String name) throws Exception {
        try (Admin admin = admin(ports)) {
            admin.createTopics(Set.of(new NewTopic(name, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    private static Set<String> topics(Ports ports) throws Exception {
        try (Admin admin = admin(ports)) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }

    private static Admin admin(Ports ports) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + ports.kafka()));
    }

    /** Runs a statement in the stack's database; for a query, whether it returned a row. */
    private static boolean sql(Ports ports, String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/benchpulse", "benchpulse", "")) {
            Statement sql = connection.createStatement();
            return sql.execute(statement) && sql.getResultSet().next();
        }
    }
}
