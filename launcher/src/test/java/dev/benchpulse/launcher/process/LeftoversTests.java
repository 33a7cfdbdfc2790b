package dev.benchpulse.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTests {

    @TempDir
    Path state;

    private Process leftover;
    private Process stranger;

    @AfterEach
    void cleanUp() {
        Stream.of(leftover, stranger).filter(Objects::nonNull).forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
    }

    @Test
    void stops_listed_processes_that_still_name_the_state_directory_and_leaves_others_alone() throws Exception {
        // Given: a process of a previous stack (its command line names the state directory) and an unrelated one
        leftover = new ProcessBuilder("setsid", "sh", "-c", "sleep 300; :", state.toString()).start();
        stranger = new ProcessBuilder("sh", "-c", "sleep 301; :").start();
        Files.writeString(
                state.resolve("stack.pids"),
                leftover.pid() + " TERM kafka\n" + stranger.pid() + " TERM notifier-service\n");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> leftover.descendants().findAny().isPresent());
        List<ProcessHandle> itsChildren = leftover.descendants().toList();

        // When
        List<String> stopped = Leftovers.stop(state.resolve("stack.pids"), state, Duration.ofSeconds(5));

        // Then
        assertThat(stopped).containsExactly("kafka (pid " + leftover.pid() + ")");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(leftover.isAlive()).isFalse();
            assertThat(itsChildren).noneMatch(ProcessHandle::isAlive);
        });
        assertThat(stranger.isAlive()).isTrue();
    }

    @Test
    void without_a_pid_file_there_is_nothing_to_stop() throws Exception {
        assertThat(Leftovers.stop(state.resolve("stack.pids"), state, Duration.ofSeconds(1)))
                .isEmpty();
    }
}
