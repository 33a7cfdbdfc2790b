package dev.benchpulse.launcher;

import dev.benchpulse.cli.BenchpulseCli;
import dev.benchpulse.launcher.components.KillCommand;
import dev.benchpulse.launcher.components.RestartCommand;
import dev.benchpulse.launcher.components.StartCommand;
import dev.benchpulse.launcher.components.StopCommand;
import dev.benchpulse.launcher.php.PhpCommand;
import dev.benchpulse.launcher.status.StatusCommand;
import dev.benchpulse.launcher.up.LaunchCommand;
import java.util.List;
import picocli.CommandLine;

/**
 * {@code ./benchpulse} in full: the launcher's commands, which run Benchpulse on this machine ({@code up}, and
 * {@code php}, which installs PHP versions for it) and operate the running stack ({@code status}, {@code restart},
 * {@code kill}, {@code stop}, {@code start}), then the client commands of the CLI and {@code help}. The script runs
 * the CLI's own, smaller jar for a client command and this one for everything else, the help included, since only
 * this one knows every command.
 */
public final class BenchpulseLauncher {

    private BenchpulseLauncher() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return BenchpulseCli.commandLine(List.of(
                new LaunchCommand(),
                new PhpCommand(),
                new StatusCommand(),
                new RestartCommand(),
                new KillCommand(),
                new StopCommand(),
                new StartCommand()));
    }
}
