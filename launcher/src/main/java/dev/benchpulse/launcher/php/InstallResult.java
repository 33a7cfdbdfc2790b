package dev.benchpulse.launcher.php;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the install did for one version.
 *
 * @param release the version
 * @param outcome installed, replaced an older pin, or found already installed
 * @param dir     its directory
 * @param took    how long it took
 */
public record InstallResult(PhpRelease release, Outcome outcome, Path dir, Duration took) {

    /** What happened to one version. */
    public enum Outcome {
        INSTALLED,
        REPLACED,
        ALREADY_INSTALLED
    }
}
