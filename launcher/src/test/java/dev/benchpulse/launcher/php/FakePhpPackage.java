package dev.benchpulse.launcher.php;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * An npm package laid out like the {@code @libphp/*} ones, built from this machine's own PHP: its real binary and
 * its opcache, ctype and mbstring extensions. Installing it exercises the real loader, launcher and smoke test
 * without the network.
 */
final class FakePhpPackage {

    /** This machine's PHP_VERSION, what an installed fake package reports. */
    static final String LOCAL_VERSION = php("echo PHP_VERSION;");

    private static final Path BINARY = Path.of(php("echo PHP_BINARY;")).toAbsolutePath();
    private static final Path EXTENSION_DIR = Path.of(php("echo ini_get('extension_dir');"));

    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private final Map<String, Integer> modes = new LinkedHashMap<>();

    /** A working package: the binary, the extensions, a library, and what the installer leaves out. */
    static FakePhpPackage working() throws IOException {
        FakePhpPackage fake = new FakePhpPackage();
        fake.file("package/package.json", "{\"name\":\"@test/php\"}".getBytes(StandardCharsets.UTF_8), 0644);
        fake.file("package/native/php/php", Files.readAllBytes(BINARY), 0755);
        fake.file("package/native/php/php-fpm", "not needed".getBytes(StandardCharsets.UTF_8), 0755);
        for (String extension : List.of("opcache", "ctype", "mbstring")) {
            fake.file(
                    "package/native/php/modules/" + extension + ".so",
                    Files.readAllBytes(EXTENSION_DIR.resolve(extension + ".so")),
                    0755);
        }
        fake.file("package/native/lib/libfake.so.1", "lib".getBytes(StandardCharsets.UTF_8), 0755);
        return fake;
    }

    FakePhpPackage file(String name, byte[] content, int mode) {
        entries.put(name, content);
        modes.put(name, mode);
        return this;
    }

    FakePhpPackage without(String name) {
        entries.remove(name);
        return this;
    }

    Path write(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
                header.setSize(entry.getValue().length);
                header.setMode(modes.get(entry.getKey()));
                tar.putArchiveEntry(header);
                tar.write(entry.getValue());
                tar.closeArchiveEntry();
            }
        }
        return file;
    }

    /** A release of {@code series} pinned to {@code tarball}'s bytes, reporting this machine's PHP version. */
    static PhpRelease release(String series, Path tarball, Optional<PhpRelease.Borrowed> borrowed) throws IOException {
        return new PhpRelease(
                series,
                LOCAL_VERSION,
                "@test/php-" + series,
                "1.0.0",
                Integrity.of(tarball),
                List.of("ctype", "mbstring"),
                true,
                borrowed);
    }

    private static String php(String code) {
        try {
            Process process = new ProcessBuilder("php", "-r", code)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("These tests need the php CLI on the PATH", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
