package dev.benchpulse.launcher.preflight;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Benchmarks run on a {@code php} CLI. Without one the stack still starts, and the runtimes show as unavailable;
 * this says so up front, with how to fix it.
 */
public final class PhpCheck {

    private PhpCheck() {
    }

    /** A warning when no {@code php} is on {@code path} (the {@code PATH} variable's value). */
    public static Optional<String> warning(String path) {
        boolean found = Stream.of(path == null ? new String[0] : path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "php"))
                .anyMatch(Files::isExecutable);
        if (found) {
            return Optional.empty();
        }
        return Optional.of("No php on PATH: the stack starts, but its PHP runtimes will show as unavailable and no "
                + "benchmark can run. Install PHP (Debian/Ubuntu: sudo apt-get install php-cli; macOS: brew install "
                + "php), then restart ./benchpulse up.");
    }
}
