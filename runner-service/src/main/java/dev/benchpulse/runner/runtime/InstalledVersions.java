package dev.benchpulse.runner.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The PHP versions {@code ./benchpulse php install} put in one directory: every {@code <major.minor>/} holding the
 * manifest the installer writes last ({@code benchpulse-php.properties}) and an executable launcher. Hidden
 * leftovers of interrupted installs and anything else are not versions.
 */
final class InstalledVersions {

    static final String MANIFEST = "benchpulse-php.properties";

    private final Path dir;

    InstalledVersions(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /**
     * One installed version.
     *
     * @param series     {@code major.minor}
     * @param launcher   the script that starts it
     * @param phpVersion the PHP version it reported when installed
     * @param npmPackage {@code name@version} it came from
     * @param integrity  that package's pinned sha512
     */
    record Version(String series, Path launcher, String phpVersion, String npmPackage, String integrity) {

        /** PHP 8.0 brought the JIT: from there on a version also gets a JIT twin. */
        boolean hasJit() {
            return PhpVersion.parse(series).major() >= 8;
        }
    }

    /** The installed versions, oldest first; none when the directory does not exist. */
    List<Version> scan() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().matches("\\d+\\.\\d+"))
                    .flatMap(p -> read(p).stream())
                    .sorted(Comparator.comparing(
                                    (Version v) -> PhpVersion.parse(v.series()).major())
                            .thenComparing(v -> PhpVersion.parse(v.series()).minor()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    Path dir() {
        return dir;
    }

    private static Optional<Version> read(Path versionDir) {
        Path manifest = versionDir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        Path launcher = versionDir
                .resolve(properties.getProperty("launcher", "bin/php"))
                .normalize();
        if (!launcher.startsWith(versionDir) || !Files.isExecutable(launcher)) {
            return Optional.empty();
        }
        return Optional.of(new Version(
                versionDir.getFileName().toString(),
                launcher,
                properties.getProperty("php.version", ""),
                properties.getProperty("package", ""),
                properties.getProperty("integrity", "")));
    }
}
