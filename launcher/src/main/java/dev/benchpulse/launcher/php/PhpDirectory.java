package dev.benchpulse.launcher.php;

import java.nio.file.Path;

/**
 * Where installed PHP versions live: {@code BENCHPULSE_PHP_DIR} when set, else {@code .benchpulse/php} in the
 * repository. {@code php install}, {@code php list} and {@code up} (which tells the runner) agree through this.
 */
public final class PhpDirectory {

    /** The environment variable that moves the directory. */
    public static final String ENV = "BENCHPULSE_PHP_DIR";

    private PhpDirectory() {}

    public static Path resolve(Path home, String configured) {
        return (configured == null || configured.isBlank()
                        ? home.resolve(".benchpulse").resolve("php")
                        : Path.of(configured))
                .toAbsolutePath()
                .normalize();
    }
}
