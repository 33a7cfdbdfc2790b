package dev.benchpulse.launcher.php;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * What an installed version's directory holds, written last into {@code benchpulse-php.properties}: a directory
 * without it is not an installation. The runner reads the same keys to report a runtime's origin.
 *
 * @param series      {@code major.minor}
 * @param phpVersion  the {@code PHP_VERSION} the installed build reported when it was tested
 * @param npmPackage  {@code name@version} of the package it came from
 * @param integrity   the package tarball's pinned sha512
 * @param installedAt when it was installed
 */
public record Manifest(String series, String phpVersion, String npmPackage, String integrity, Instant installedAt) {

    /** The file name inside an installed version's directory. */
    public static final String FILE = "benchpulse-php.properties";

    static Manifest of(PhpRelease release, String reportedVersion, Instant now) {
        return new Manifest(release.series(), reportedVersion, release.spec(), release.integrity(), now);
    }

    /** Whether this installation is exactly the pinned {@code release}. */
    boolean matches(PhpRelease release) {
        return release.integrity().equals(integrity) && release.spec().equals(npmPackage);
    }

    void write(Path dir) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("series", series);
        properties.setProperty("php.version", phpVersion);
        properties.setProperty("package", npmPackage);
        properties.setProperty("integrity", integrity);
        properties.setProperty("installed.at", installedAt.toString());
        properties.setProperty("launcher", LauncherScript.PATH);
        try (Writer out = Files.newBufferedWriter(dir.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.store(out, "Written by ./benchpulse php install; read by the runner and ./benchpulse php list");
        }
    }

    /** The manifest of {@code dir}, empty when there is none or it cannot be read. */
    static Optional<Manifest> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            return Optional.of(new Manifest(
                    properties.getProperty("series", ""),
                    properties.getProperty("php.version", ""),
                    properties.getProperty("package", ""),
                    properties.getProperty("integrity", ""),
                    Instant.parse(properties.getProperty("installed.at"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
