package dev.benchpulse.launcher.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.launcher.process.ComponentProcess;
import dev.benchpulse.launcher.process.PidFile;
import dev.benchpulse.launcher.process.ProcessSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor at work, with small shell processes standing in for the real components. */
class SupervisorTests {

    @TempDir
    Path state;

    private final StringWriter output = new StringWriter();
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
        supervisor = supervisor(List.of(List.of(shell("kafka", "sleep 300"), shell("postgres", "sleep 300")),
                List.of(shell("runner-service", "sleep 300"))));

        // When
        supervisor.start();
        List<ComponentProcess> processes = List.copyOf(supervisor.processes().values());
        supervisor.stop();

        // Then
        assertThat(lines()).containsSubsequence("Starting kafka, postgres ...", "Starting runner-service ...",
                "Stopping runner-service ...", "Stopping kafka, postgres ...");
        assertThat(processes).hasSize(3).noneMatch(ComponentProcess::isAlive);
        assertThat(state.resolve("stack.pids")).doesNotExist();
    }

    @Test
    void lists_every_process_newest_first_for_the_watchdog() throws Exception {
        supervisor = supervisor(List.of(List.of(shell("kafka", "sleep 300")),
                List.of(shell("gateway-frontend", "sleep 300"))));

        supervisor.start();

        Map<String, ComponentProcess> processes = supervisor.processes();
        assertThat(PidFile.read(state.resolve("stack.pids"))).containsExactly(
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
        supervisor = supervisor(List.of(List.of(shell("mercure-hub", "sleep 300; exit 0"),
                shell("kafka", "echo 'Invalid cluster.id' >&2; exit 1"))), Duration.ofSeconds(120));

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(supervisor::start)
                .isInstanceOfSatisfying(ComponentFailure.class, failure -> {
                    assertThat(failure.component()).isEqualTo("kafka");
                    assertThat(failure.logTail()).containsExactly("Invalid cluster.id");
                }));
    }

    @Test
    void a_component_that_dies_later_is_reported_with_the_tail_of_its_log() throws Exception {
        supervisor = supervisor(List.of(List.of(shell("notifier-service", "echo started; sleep 300"))));
        supervisor.start();
        ComponentProcess notifier = supervisor.processes().get("notifier-service");
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.readString(notifier.log()).contains("started"));

        notifier.kill();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(lines()).contains(
                "notifier-service exited unexpectedly (exit code 137); the rest of the stack keeps running.",
                "    | started"));
    }

    private Supervisor supervisor(List<List<Component>> stages) {
        return supervisor(stages, Duration.ofSeconds(10));
    }

    private Supervisor supervisor(List<List<Component>> stages, Duration startTimeout) {
        return new Supervisor(stages, new StackConsole(new PrintWriter(output, true), state.resolve("logs")),
                new PidFile(state.resolve("stack.pids")), startTimeout, Duration.ofSeconds(5));
    }

    private List<String> lines() {
        return output.toString().lines().toList();
    }

    /** A component run by {@code sh -c script}, ready as soon as it runs (or failing when it exits first). */
    private Component shell(String name, String script) {
        return new Component() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String address() {
                return "sh";
            }

            @Override
            public Optional<ComponentProcess> start() throws Exception {
                return Optional.of(new ProcessSpec(name, List.of("sh", "-c", script), Map.of(), state,
                        state.resolve("logs").resolve(name + ".log"), "TERM", Duration.ZERO).start());
            }

            @Override
            public void awaitReady(Readiness readiness) throws Exception {
                readiness.await("running", () -> Files.exists(state.resolve("logs").resolve(name + ".log"))
                        && supervisor.processes().containsKey(name) && supervisor.processes().get(name).isAlive()
                        && !script.contains("exit"));
            }
        };
    }
}
