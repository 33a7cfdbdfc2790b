package dev.benchpulse.launcher.php;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every {@code php} subcommand shares: where the versions go. */
final class PhpLocation {

    @Option(
            names = "--dir",
            paramLabel = "<dir>",
            defaultValue = "${env:BENCHPULSE_PHP_DIR}",
            description = "Where the versions are installed (default: .benchpulse/php in the repository; "
                    + "environment: BENCHPULSE_PHP_DIR).")
    Path dir;

    @Option(
            names = "--home",
            paramLabel = "<dir>",
            hidden = true,
            defaultValue = "${sys:benchpulse.home:-${env:BENCHPULSE_HOME:-.}}",
            description = "The Benchpulse repository (set by ./benchpulse).")
    Path home;

    Path root() {
        return PhpDirectory.resolve(home, dir == null ? null : dir.toString());
    }
}
