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

    private PhpCheck() {}

    /** A warning when no {@code php} is on {@code path} (the {@code PATH} variable's value). */
    public static Optional<String> warning(String path) {
        return warning(path, 0);
    }

    /**
     * A warning when no {@code php} is on {@code path}; with {@code installedVersions} PHP versions installed by
     * {@code ./benchpulse php install} the stack can still run benchmarks, and then only the system runtimes
     * ({@code php}, {@code php-jit}) are affected.
     */
    public static Optional<String> warning(String path, int installedVersions) {
        boolean found = Stream.of(path == null ? new String[0] : path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, "php"))
                .anyMatch(Files::isExecutable);
        if (found) {
            return Optional.empty();
        }
        if (installedVersions > 0) {
            return Optional.of("No php on PATH: the runtimes php and php-jit will show as unavailable; the "
                    + installedVersions + " PHP version(s) installed with ./benchpulse php install run benchmarks.");
        }
        return Optional.of("No php on PATH: the stack starts, but its PHP runtimes will show as unavailable and no "
                + "benchmark can run. Install PHP versions (./benchpulse php install; needs npm), or a system PHP "
                + "(Debian/Ubuntu: sudo apt-get install php-cli; macOS: brew install php), then restart ./benchpulse "
                + "up.");
    }
}
