package dev.benchpulse.launcher.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.benchpulse.launcher.process.ComponentProcess;
import dev.benchpulse.launcher.process.PidFile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor at work, with small shell processes standing in for the real components. */
class SupervisorTests {

    @TempDir
    Path state;

    private final StringWriter output = new StringWriter();
    /** compose's back-off in tenths: the tests wait 0.1, 0.2, 0.4 s between restarts instead of 1, 2, 4 s. */
    private static final RestartBackOff.Schedule FAST_RESTARTS =
            new RestartBackOff.Schedule(Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofSeconds(6));

    private Supervisor supervisor;

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.stop();
        }
    }

    @Test
    void starts_stage_by_stage_and_stops_in_reverse_order_leaving_no_process() throws Exception {
        // Given
        supervisor = supervisor(List.of(
                List.of(shell("kafka", "echo ready; sleep 300"), shell("postgres", "echo ready; sleep 300")),
                List.of(shell("runner-service", "echo ready; sleep 300"))));

        // When
        supervisor.start();
        List<ComponentProcess> processes = List.copyOf(supervisor.processes().values());
        supervisor.stop();

        // Then
        assertThat(lines())
                .containsSubsequence(
                        "Starting kafka, postgres ...",
                        "Starting runner-service ...",
                        "Stopping runner-service ...",
                        "Stopping kafka, postgres ...");
        assertThat(processes).hasSize(3).noneMatch(ComponentProcess::isAlive);
        assertThat(state.resolve("stack.pids")).doesNotExist();
    }

    @Test
    void lists_every_process_newest_first_for_the_watchdog() throws Exception {
        supervisor = supervisor(List.of(
                List.of(shell("kafka", "echo ready; sleep 300")),
                List.of(shell("gateway-frontend", "echo ready; sleep 300"))));

        supervisor.start();

        Map<String, ComponentProcess> processes = supervisor.processes();
        assertThat(PidFile.read(state.resolve("stack.pids")))
                .containsExactly(
                        new PidFile.Entry(processes.get("gateway-frontend").pid(), "TERM", "gateway-frontend"),
                        new PidFile.Entry(processes.get("kafka").pid(), "TERM", "kafka"));
    }

    @Test
    void a_component_that_exits_while_starting_fails_the_start_with_its_log() {
        supervisor = supervisor(List.of(List.of(shell("kafka", "echo 'Address already in use' >&2; exit 3"))));

        assertThatThrownBy(supervisor::start).isInstanceOfSatisfying(ComponentFailure.class, failure -> {
            assertThat(failure.component()).isEqualTo("kafka");
            assertThat(failure.getMessage()).isEqualTo("exited with code 3 while starting");
            assertThat(failure.logTail()).containsExactly("Address already in use");
        });
    }

    @Test
    void the_others_stop_waiting_when_one_fails_and_the_failure_named_is_the_real_one() {
        supervisor = supervisor(
                List.of(List.of(
                        shell("mercure-hub", "sleep 300; exit 0"),
                        shell("kafka", "echo 'Invalid cluster.id' >&2; exit 1"))),
                Duration.ofSeconds(120));

        assertTimeoutPreemptively(
                Duration.ofSeconds(60),
                () -> assertThatThrownBy(supervisor::start).isInstanceOfSatisfying(ComponentFailure.class, failure -> {
                    assertThat(failure.component()).isEqualTo("kafka");
                    assertThat(failure.logTail()).containsExactly("Invalid cluster.id");
                }));
    }

    @Test
    void a_component_that_dies_later_is_reported_with_the_tail_of_its_log() throws Exception {
        supervisor = supervisor(List.of(List.of(shell("notifier-service", "echo started; echo ready; sleep 300"))));
        supervisor.start();
        ComponentProcess notifier = supervisor.processes().get("notifier-service");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> Files.readString(notifier.log()).contains("started"));

        notifier.kill();

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(lines())
                        .contains(
                                "notifier-service exited unexpectedly (exit code 137); the rest of the stack keeps running.",
                                "    | started",
                                "Restarting notifier-service in 0.1 s (restart 1)."));
    }

    @Test
    void a_component_that_dies_is_started_again_after_a_back_off_and_health_checked() throws Exception {
        supervisor = supervisor(List.of(
                List.of(shell("mercure-hub", "echo ready; sleep 300")),
                List.of(shell("runner-service", "echo ready; sleep 300"))));
        supervisor.start();
        ComponentProcess first = supervisor.processes().get("mercure-hub");

        first.kill();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(lines())
                    .anyMatch(line ->
                            line.matches("mercure-hub is back \\(pid \\d+, restart 1\\): ready in [0-9.]+ s\\."));
            assertThat(supervisor.processes().get("mercure-hub").pid()).isNotEqualTo(first.pid());
        });
        ComponentProcess second = supervisor.processes().get("mercure-hub");
        assertThat(second.isAlive()).isTrue();
        assertThat(PidFile.read(state.resolve("stack.pids")))
                .extracting(PidFile.Entry::pid)
                .contains(second.pid())
                .doesNotContain(first.pid());
        assertThat(supervisor.status()).first().satisfies(hub -> {
            assertThat(hub.state()).isEqualTo("running");
            assertThat(hub.pid()).isEqualTo(second.pid());
            assertThat(hub.restarts()).isEqualTo(1);
            assertThat(hub.lastExitCode()).isEqualTo(137);
            assertThat(hub.healthy()).isTrue();
        });
    }

    @Test
    void a_component_that_keeps_dying_waits_longer_before_each_restart() throws Exception {
        supervisor = supervisor(List.of(List.of(shell("notifier-service", "echo ready; sleep 0.5; false"))));
        supervisor.start();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(lines())
                        .containsSubsequence(
                                "Restarting notifier-service in 0.1 s (restart 1).",
                                "Restarting notifier-service in 0.2 s (restart 2).",
                                "Restarting notifier-service in 0.4 s (restart 3)."));
        assertThat(lines())
                .contains("notifier-service exited unexpectedly (exit code 1); the rest of the stack "
                        + "keeps running.");
    }

    @Test
    void a_component_is_restarted_killed_stopped_and_started_on_request() throws Exception {
        supervisor = supervisor(List.of(List.of(shell("gateway-frontend", "echo ready; sleep 300"))));
        supervisor.start();
        long first = supervisor.processes().get("gateway-frontend").pid();

        assertThat(supervisor.act(Supervisor.Action.RESTART, "gateway-frontend"))
                .startsWith("gateway-frontend restarted (pid ");
        long second = supervisor.processes().get("gateway-frontend").pid();
        assertThat(second).isNotEqualTo(first);
        assertThat(ProcessHandle.of(first)).isEmpty();

        assertThat(supervisor.act(Supervisor.Action.STOP, "gateway-frontend")).isEqualTo("gateway-frontend stopped");
        await().during(Duration.ofSeconds(1)) // ten back-offs: no restart comes
                .atMost(Duration.ofSeconds(10))
                .until(() -> supervisor.status().getFirst().pid() == null);
        assertThat(supervisor.status().getFirst().state()).isEqualTo("stopped");

        assertThat(supervisor.act(Supervisor.Action.START, "gateway-frontend"))
                .startsWith("gateway-frontend started (pid ");
        long third = supervisor.processes().get("gateway-frontend").pid();

        assertThat(supervisor.act(Supervisor.Action.KILL, "gateway-frontend"))
                .isEqualTo("gateway-frontend killed (pid " + third + ", SIGKILL)");
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(supervisor.status().getFirst()).satisfies(status -> {
                    assertThat(status.state()).isEqualTo("running");
                    assertThat(status.pid()).isNotNull().isNotEqualTo(third);
                    assertThat(status.restarts()).isEqualTo(3);
                }));
        assertThatThrownBy(() -> supervisor.act(Supervisor.Action.KILL, "kafka"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No component kafka in this stack; it runs gateway-frontend");
    }

    private Supervisor supervisor(List<List<Component>> stages) {
        return supervisor(stages, Duration.ofSeconds(10));
    }

    private Supervisor supervisor(List<List<Component>> stages, Duration startTimeout) {
        return new Supervisor(
                stages,
                new StackConsole(new PrintWriter(output, true), state.resolve("logs")),
                new PidFile(state.resolve("stack.pids")),
                startTimeout,
                Duration.ofSeconds(5),
                FAST_RESTARTS);
    }

    private List<String> lines() {
        return output.toString().lines().toList();
    }

    private Component shell(String name, String script) {
        return new ShellComponent(name, script, state);
    }
}
