package dev.benchpulse.launcher;

import dev.benchpulse.cli.BenchpulseCli;
import dev.benchpulse.launcher.up.LaunchCommand;

import java.util.List;

import picocli.CommandLine;

/**
 * {@code ./benchpulse} in full: the launcher's commands, which run Benchpulse on this machine ({@code up}), then the
 * client commands of the CLI and {@code help}. The script runs the CLI's own, smaller jar for a client command and
 * this one for everything else, the help included, since only this one knows every command.
 */
public final class BenchpulseLauncher {

    private BenchpulseLauncher() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return BenchpulseCli.commandLine(List.of(new LaunchCommand()));
    }
}
