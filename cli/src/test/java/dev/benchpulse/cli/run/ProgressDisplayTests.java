package dev.benchpulse.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressDisplayTests {

    private final StringWriter output = new StringWriter();

    @Test
    void on_a_terminal_draws_a_bar_per_runtime_and_redraws_them_in_place() {
        ProgressDisplay display = display(true);

        display.show("run-1", new Progress("php", 15, 30, "running", 1230.0, 20.0));
        display.show("run-1", new Progress("php", 30, 30, "completed", 1230.0, 10.0));
        display.close();

        assertThat(output.toString())
                .contains(
                        "php            [###############---------------]  50%  15/30  running    mean 1.23 µs ± 0.020")
                .contains("php            [##############################] 100%  30/30  completed")
                .contains("php-jit        [------------------------------]   0%  0/0  queued")
                .contains("\u001b[2A");
    }

    @Test
    void elsewhere_prints_a_line_when_a_run_starts_passes_a_quarter_or_ends() {
        ProgressDisplay display = display(false);

        for (int i = 1; i <= 8; i++) {
            display.show("run-2", new Progress("php-jit", i, 8, "running", null, null));
        }
        display.show("run-2", new Progress("php-jit", 8, 8, "completed", null, null));

        assertThat(output.toString().lines())
                .containsExactly(
                        "php-jit: running 0%",
                        "php-jit: running 25%",
                        "php-jit: running 50%",
                        "php-jit: running 75%",
                        "php-jit: running 100%",
                        "php-jit: completed");
    }

    @Test
    void never_steps_back_when_an_older_update_arrives_late() {
        ProgressDisplay display = display(false);

        display.show("run-1", new Progress("php", 4, 4, "completed", null, null));
        display.show("run-1", new Progress("php", 3, 4, "running", null, null));

        assertThat(output.toString().lines()).containsExactly("php: completed");
    }

    @Test
    void a_started_run_stays_running_when_a_poll_still_says_queued() {
        ProgressDisplay display = display(false);

        display.show("run-2", new Progress("php-jit", 0, 8, "running", null, null));
        display.show("run-2", new Progress("php-jit", 0, 8, "queued", null, null));
        display.show("run-2", new Progress("php-jit", 2, 8, "running", null, null));

        assertThat(output.toString().lines()).containsExactly("php-jit: running 0%", "php-jit: running 25%");
    }

    private ProgressDisplay display(boolean bars) {
        return new ProgressDisplay(
                new PrintWriter(output, true), List.of("run-1", "run-2"), List.of("php", "php-jit"), bars, false);
    }
}
