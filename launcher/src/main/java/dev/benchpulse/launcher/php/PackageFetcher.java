package dev.benchpulse.launcher.php;

import java.nio.file.Path;

/** Brings a release's package tarball onto this machine. */
@FunctionalInterface
interface PackageFetcher {

    /**
     * Fetches the tarball of {@code release} into {@code directory}.
     *
     * @return the tarball's path
     * @throws PhpInstallException when it cannot be fetched, saying why and how to fix it
     */
    Path fetch(PhpRelease release, Path directory);
}
