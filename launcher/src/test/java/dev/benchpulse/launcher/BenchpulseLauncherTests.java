package dev.benchpulse.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.cli.BenchpulseCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code ./benchpulse} in full: the launcher's commands and the CLI's in one command line and one help. */
class BenchpulseLauncherTests {

    @Test
    void the_help_lists_the_launchers_commands_first_then_the_clients() {
        String help = help(BenchpulseLauncher.commandLine(), "--help");

        assertThat(help)
                .containsPattern("(?s)Commands:\\s+up .*status .*restart .*kill .*stop .*start .*run .*list "
                        + ".*runtimes .*compare .*calibrate .*help ");
        assertThat(BenchpulseLauncher.commandLine().getSubcommands().keySet())
                .containsAll(BenchpulseCli.commandLine().getSubcommands().keySet());
    }

    @Test
    void the_client_alone_knows_only_its_own_commands() {
        assertThat(BenchpulseCli.commandLine().getSubcommands()).doesNotContainKey("up");
    }

    @Test
    void help_on_a_launcher_command_gives_its_options() {
        String help = help(BenchpulseLauncher.commandLine(), "help", "up");

        assertThat(help).contains("Usage: benchpulse up", "--prepare-only", "--fresh", "--gateway-port");
    }

    private static String help(CommandLine commandLine, String... args) {
        StringWriter out = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        assertThat(commandLine.execute(args)).isZero();
        return out.toString();
    }
}
