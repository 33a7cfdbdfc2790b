package dev.benchpulse.launcher.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchpulse.launcher.components.KillCommand;
import dev.benchpulse.launcher.components.RestartCommand;
import dev.benchpulse.launcher.process.PidFile;
import dev.benchpulse.launcher.status.StatusCommand;
import dev.benchpulse.launcher.supervision.ShellComponent;
import dev.benchpulse.launcher.supervision.StackConsole;
import dev.benchpulse.launcher.supervision.Supervisor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The control endpoint of a running launcher and the commands that use it, on a stack of shell components. */
class ControlEndpointTests {

    @TempDir
    Path state;

    private Supervisor supervisor;
    private ControlEndpoint endpoint;

    @BeforeEach
    void start() throws Exception {
        supervisor = new Supervisor(
                List.of(
                        List.of(new ShellComponent("postgres", "echo ready; sleep 300", state)),
                        List.of(new ShellComponent("runner-service", "echo ready; sleep 300", state))),
                new StackConsole(new PrintWriter(new StringWriter(), true), state.resolve("logs")),
                new PidFile(state.resolve("stack.pids")),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5));
        supervisor.start();
        endpoint = ControlEndpoint.start(supervisor, state);
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
        supervisor.stop();
    }

    @Test
    void the_control_file_names_a_loopback_endpoint_and_is_readable_by_its_owner_only() throws Exception {
        Path file = ControlFile.in(state);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        ControlFile control = ControlFile.read(file).orElseThrow();
        assertThat(control.url().getHost()).isEqualTo("127.0.0.1");
        assertThat(control.token()).hasSize(64);
        assertThat(control.pid()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void a_request_without_the_token_is_refused() throws Exception {
        URI status =
                URI.create(ControlFile.read(ControlFile.in(state)).orElseThrow().url() + "/status");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> none =
                http.send(HttpRequest.newBuilder(status).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(
                HttpRequest.newBuilder(status)
                        .header("Authorization", "Bearer " + "0".repeat(64))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void status_lists_the_components_as_a_table_and_as_json() {
        CliRun table = run(new StatusCommand(), "--state-dir", state.toString());
        CliRun json = run(new StatusCommand(), "--json", "--state-dir", state.toString());

        long postgres = supervisor.processes().get("postgres").pid();
        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines())
                .first()
                .asString()
                .startsWith("COMPONENT          STATE            PID HEALTH         UPTIME  RESTARTS  ADDRESS");
        assertThat(table.out().lines())
                .anyMatch(line -> line.matches("postgres +running +" + postgres + " +healthy +\\d+s +0 +sh"));
        JsonNode components = JsonMapper.builder().build().readTree(json.out());
        assertThat(components).hasSize(2);
        assertThat(components.get(1).path("name").asString()).isEqualTo("runner-service");
        assertThat(components.get(1).path("healthy").asBoolean()).isTrue();
        assertThat(components.get(1).path("restarts").asInt()).isZero();
    }

    @Test
    void restart_and_kill_act_through_the_launcher_and_an_unknown_component_is_named() {
        long before = supervisor.processes().get("runner-service").pid();

        CliRun restart = run(new RestartCommand(), "runner-service", "--state-dir", state.toString());
        CliRun unknown = run(new KillCommand(), "gateway", "--state-dir", state.toString());

        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(restart.out()).startsWith("runner-service restarted (pid ");
        assertThat(supervisor.processes().get("runner-service").pid()).isNotEqualTo(before);
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("No component gateway in this stack; it runs postgres, runner-service");
    }

    @Test
    void without_a_running_launcher_the_commands_say_so() throws Exception {
        endpoint.close();

        CliRun status = run(new StatusCommand(), "--state-dir", state.toString());

        assertThat(status.exitCode()).isEqualTo(2);
        assertThat(status.err()).contains("No ./benchpulse up is running on " + state);
        assertThatThrownBy(() -> ControlClient.of(state)).isInstanceOf(ControlClient.ControlException.class);
    }

    private static CliRun run(Object command, String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(arguments);
        return new CliRun(exitCode, out.toString(), err.toString());
    }

    private record CliRun(int exitCode, String out, String err) {}
}
