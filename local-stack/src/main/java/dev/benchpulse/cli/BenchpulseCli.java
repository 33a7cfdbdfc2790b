package dev.benchpulse.cli;

import dev.benchpulse.cli.api.CliException;
import dev.benchpulse.cli.catalog.CalibrateCommand;
import dev.benchpulse.cli.catalog.ListCommand;
import dev.benchpulse.cli.catalog.RuntimesCommand;
import dev.benchpulse.cli.compare.CompareCommand;
import dev.benchpulse.cli.run.RunCommand;
import dev.benchpulse.stack.php.PhpCommand;
import dev.benchpulse.stack.UpCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * {@code ./benchpulse}: starts the local stack ({@code up}) and talks to a running one (run, list, runtimes,
 * compare, calibrate).
 */
@Command(name = "benchpulse", mixinStandardHelpOptions = true, versionProvider = BenchpulseCli.Version.class,
        description = "Benchpulse: PHP micro-benchmarks on several runtimes, with statistics you can trust.",
        subcommands = {UpCommand.class, RunCommand.class, ListCommand.class, RuntimesCommand.class,
            CompareCommand.class, CalibrateCommand.class, PhpCommand.class, HelpCommand.class})
public final class BenchpulseCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with Benchpulse's error handling: a {@link CliException} is one message and its code. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BenchpulseCli());
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
