package dev.benchpulse.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The PHP versions {@code ./benchpulse php install} installed for the tests: in {@code $BENCHPULSE_PHP_DIR}, else in
 * {@code .benchpulse/php} of the repository the tests run in. CI installs the oldest and the newest ({@code .ci/run});
 * elsewhere tests that need them skip with a visible reason.
 */
public final class InstalledPhp {

    private InstalledPhp() {}

    /** Where installed versions are looked for. */
    public static Path directory() {
        String configured = System.getenv("BENCHPULSE_PHP_DIR");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("benchpulse"))) {
            dir = dir.getParent();
        }
        return (dir == null ? Path.of("").toAbsolutePath() : dir)
                .resolve(".benchpulse")
                .resolve("php");
    }

    /** The installed versions ({@code major.minor}), oldest first. */
    public static List<String> versions() {
        Path root = directory();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().matches("\\d+\\.\\d+"))
                    .filter(d -> Files.isRegularFile(d.resolve("benchpulse-php.properties")))
                    .map(d -> d.getFileName().toString())
                    .sorted(Comparator.comparingInt((String v) -> Integer.parseInt(v.split("\\.")[0]))
                            .thenComparingInt(v -> Integer.parseInt(v.split("\\.")[1])))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
