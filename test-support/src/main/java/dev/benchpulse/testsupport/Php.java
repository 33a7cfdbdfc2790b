package dev.benchpulse.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the PHP CLI the tests run benchmarks with: {@code $BENCHPULSE_TEST_PHP}, else {@code php} on the
 * {@code PATH}. Tests that need PHP fail, not skip, when it is missing: CI installs it ({@code .ci/run}).
 */
public final class Php {

    private Php() {}

    public static Optional<Path> find() {
        String configured = System.getenv("BENCHPULSE_TEST_PHP");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, "php"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The PHP binary; fails with how to install one when there is none. */
    public static Path binary() {
        return find().orElseThrow(() -> new IllegalStateException(
                "No php on PATH: these tests run real PHP. Install it (Debian: apt-get install php8.2-cli) or set "
                        + "BENCHPULSE_TEST_PHP to a PHP binary."));
    }
}
