package dev.benchpulse.runner.runtime;

import dev.benchpulse.testsupport.Php;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A PHP version laid out as {@code ./benchpulse php install} leaves it (launcher script and manifest), whose
 * launcher starts this machine's PHP the way the real one starts its package's binary: without a php.ini.
 */
final class FakeInstall {

    private FakeInstall() {}

    static Path install(Path root, String series) throws IOException {
        Path dir = Files.createDirectories(root.resolve(series));
        Path launcher = Files.createDirectories(dir.resolve("bin")).resolve("php");
        Files.writeString(launcher, "#!/bin/sh\nexec " + Php.binary() + " -n \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(dir.resolve(InstalledVersions.MANIFEST), """
                series=%s
                php.version=%s.99
                package=@test/php-%s@1.0.0
                integrity=sha512-test
                launcher=bin/php
                installed.at=2026-12-07T00\\:00\\:00Z
                """.formatted(series, series, series));
        return dir;
    }
}
