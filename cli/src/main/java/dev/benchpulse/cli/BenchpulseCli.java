package dev.benchpulse.cli;

import dev.benchpulse.cli.api.CliException;
import dev.benchpulse.cli.catalog.CalibrateCommand;
import dev.benchpulse.cli.catalog.ListCommand;
import dev.benchpulse.cli.catalog.RuntimesCommand;
import dev.benchpulse.cli.compare.CompareCommand;
import dev.benchpulse.cli.deadletters.DltCommand;
import dev.benchpulse.cli.run.RunCommand;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The client commands of {@code ./benchpulse} (run, list, runtimes, compare, calibrate, dlt), which talk to a running
 * Benchpulse through its gateway. The commands that run Benchpulse on this machine ({@code up} and its kin) are the
 * launcher's: it puts them first on this command line, so that this module need not know them.
 */
@Command(
        name = "benchpulse",
        mixinStandardHelpOptions = true,
        versionProvider = BenchpulseCli.Version.class,
        description = "Benchpulse: PHP micro-benchmarks on several runtimes, with statistics you can trust.")
public final class BenchpulseCli {

    private static final List<Class<?>> CLIENT_COMMANDS = List.of(
            RunCommand.class,
            ListCommand.class,
            RuntimesCommand.class,
            CompareCommand.class,
            CalibrateCommand.class,
            DltCommand.class);

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The client commands with Benchpulse's error handling: a {@link CliException} is one message and its code. */
    public static CommandLine commandLine() {
        return commandLine(List.of());
    }

    /**
     * The client commands after {@code commandsFirst} (picocli command objects or classes), then {@code help}: one
     * command line, and one help, for the launcher's commands and the client's.
     */
    public static CommandLine commandLine(List<Object> commandsFirst) {
        CommandLine commandLine = new CommandLine(new BenchpulseCli());
        commandsFirst.forEach(commandLine::addSubcommand);
        CLIENT_COMMANDS.forEach(commandLine::addSubcommand);
        commandLine.addSubcommand(HelpCommand.class);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            if (exception instanceof CliException failure) {
                cmd.getErr().println(cmd.getColorScheme().errorText(failure.getMessage()));
                cmd.getErr().flush();
                return failure.exitCode();
            }
            throw exception;
        });
        return commandLine;
    }

    /** The version the build stamped into the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BenchpulseCli.class.getPackage().getImplementationVersion();
            return new String[] {"benchpulse " + (version == null ? "(development build)" : version)};
        }
    }
}
