package dev.benchpulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The whole stack as {@code ./benchpulse up} starts it: every component up, where it said, with its state. */
@ExtendWith(RunningStackExtension.class)
class FullStackIntegrationTests {

    private static final List<String> COMPONENTS = List.of(
            "kafka",
            "postgres",
            "mercure-hub",
            "runner-service",
            "results-service",
            "notifier-service",
            "gateway-frontend");

    @Test
    void prints_one_line_per_component_with_its_address_then_the_dashboard(RunningStack stack) {
        List<String> lines = stack.launched().outputLines();

        assertThat(lines)
                .anyMatch(l ->
                        l.matches(" {2}kafka +127\\.0\\.0\\.1:" + stack.ports().kafka() + " +ready in .*"))
                .anyMatch(l -> l.matches(" {2}postgres +postgresql://127\\.0\\.0\\.1:"
                        + stack.ports().postgres() + "/benchpulse +ready in .*"))
                .anyMatch(l -> l.matches(" {2}mercure-hub +" + stack.hubUrl() + " +ready in .*"))
                .anyMatch(l -> l.matches(
                        " {2}runner-service +http://localhost:" + stack.ports().runner() + " +ready.*"))
                .anyMatch(l -> l.matches(
                        " {2}results-service +http://localhost:" + stack.ports().results() + " +ready.*"))
                .anyMatch(l -> l.matches(" {2}notifier-service +http://localhost:"
                        + stack.ports().notifier() + " +ready.*"))
                .anyMatch(l -> l.matches(" {2}gateway-frontend +" + stack.gatewayUrl() + " +ready.*"))
                .anyMatch(l -> l.matches("Benchpulse is up in [0-9.]+ s\\. Dashboard: " + stack.gatewayUrl()));
    }

    @Test
    void every_component_runs_as_a_process_of_its_own(RunningStack stack) {
        Map<String, Long> processes = stack.launched().processes();

        assertThat(processes).containsOnlyKeys(COMPONENTS);
        assertThat(processes.values())
                .doesNotHaveDuplicates()
                .allMatch(
                        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void the_hub_and_every_service_report_up(RunningStack stack) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int port : List.of(
                stack.ports().hub(),
                stack.ports().runner(),
                stack.ports().results(),
                stack.ports().notifier(),
                stack.ports().gateway())) {
            HttpResponse<String> health = http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).as("port " + port).isEqualTo(200);
            assertThat(health.body()).as("port " + port).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void kafka_has_every_registry_topic_with_its_partitions(RunningStack stack) throws Exception {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.allWithDeadLetters().stream()
                            .map(Topic::name)
                            .toList())
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS);

            assertThat(Topics.allWithDeadLetters())
                    .hasSize(7)
                    .allSatisfy(topic -> assertThat(topics.get(topic.name()).partitions())
                            .as(topic.name())
                            .hasSize(topic.partitions()));
        }
    }

    @Test
    void postgresql_serves_the_benchpulse_database(RunningStack stack) throws Exception {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), "benchpulse", "");
                ResultSet rows = connection.createStatement().executeQuery("SELECT current_database()")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("benchpulse");
        }
    }

    @Test
    void keeps_its_state_logs_and_private_hub_keys_in_the_state_directory(RunningStack stack) throws Exception {
        var state = stack.launched().stateDir();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("keys.env"))))
                .isEqualTo("rw-------");
        assertThat(stack.keys().getProperty("MERCURE_PUBLISHER_JWT_KEY")).hasSizeGreaterThanOrEqualTo(43);
        assertThat(state.resolve("kafka/data/meta.properties")).isRegularFile();
        assertThat(state.resolve("postgres/PG_VERSION")).isRegularFile();
        COMPONENTS.forEach(component ->
                assertThat(state.resolve("logs/" + component + ".log")).isNotEmptyFile());
    }
}
