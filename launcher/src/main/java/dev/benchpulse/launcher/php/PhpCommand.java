package dev.benchpulse.launcher.php;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code ./benchpulse php}: PHP versions installed on this machine for benchmarking. */
@Command(
        name = "php",
        mixinStandardHelpOptions = true,
        description = "Installs pinned native builds of PHP 7.4 to 8.5 (from the npm registry) as runtimes, and "
                + "lists them.",
        subcommands = {PhpInstallCommand.class, PhpListCommand.class, HelpCommand.class})
public final class PhpCommand {}
