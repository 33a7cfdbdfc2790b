package dev.benchpulse.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTests {

    @TempDir
    Path dir;

    @Test
    void gives_the_last_lines_of_a_long_log() throws Exception {
        Path log = dir.resolve("kafka.log");
        Files.writeString(
                log,
                IntStream.rangeClosed(1, 20_000)
                        .mapToObj(i -> "line " + i)
                        .collect(Collectors.joining("\n", "", "\n")));

        assertThat(LogTail.of(log, 3)).containsExactly("line 19998", "line 19999", "line 20000");
    }

    @Test
    void a_missing_log_has_no_tail() {
        assertThat(LogTail.of(dir.resolve("none.log"), 5)).isEmpty();
    }
}
