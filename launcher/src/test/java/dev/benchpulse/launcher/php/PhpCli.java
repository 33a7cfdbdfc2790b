package dev.benchpulse.launcher.php;

import dev.benchpulse.cli.BenchpulseCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * What one {@code ./benchpulse php …} command did, run in this JVM as the launcher runs it.
 *
 * @param exitCode the exit code
 * @param out      standard output
 * @param err      standard error
 */
record PhpCli(int exitCode, String out, String err) {

    static PhpCli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = BenchpulseCli.commandLine(List.of(new PhpCommand()));
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        int exitCode = commandLine.execute(args);
        return new PhpCli(exitCode, out.toString(), err.toString());
    }
}
