package dev.benchpulse.launcher.php;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.DoubleConsumer;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks the files of an npm package tarball ({@code .tgz}, every entry under {@code package/}) that a filter
 * selects, without the {@code package/} prefix, keeping the executable bits. Only regular files and directories
 * inside the target are written: an entry that would escape it, a link or a device is refused.
 */
final class Tarball {

    /** No PHP package comes near this; a tarball unpacking to more is refused rather than filling the disk. */
    static final long MAX_UNPACKED_BYTES = 2L << 30;

    private static final String PREFIX = "package/";

    private Tarball() {}

    /**
     * Unpacks the selected entries of {@code tarball} into {@code target}.
     *
     * @param select   decides by the path without {@code package/} (e.g. {@code native/php/php})
     * @param progress told the fraction of the tarball read so far, 0 to 1
     * @return the number of files written
     */
    static int unpack(Path tarball, Path target, Predicate<String> select, DoubleConsumer progress) throws IOException {
        long size = Math.max(1, Files.size(tarball));
        int files = 0;
        long written = 0;
        try (CountingStream counted = new CountingStream(Files.newInputStream(tarball));
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new GZIPInputStream(new BufferedInputStream(counted, 1 << 16), 1 << 16))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                String name =
                        entry.getName().startsWith(PREFIX) ? entry.getName().substring(PREFIX.length()) : null;
                if (name == null || name.isEmpty() || !select.test(name)) {
                    continue;
                }
                Path destination = inside(target, name, entry);
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                written += entry.getSize();
                if (written > MAX_UNPACKED_BYTES) {
                    throw new PhpInstallException(tarball.getFileName() + " unpacks to more than "
                            + (MAX_UNPACKED_BYTES >> 30) + " GiB; refused.");
                }
                Files.createDirectories(destination.getParent());
                try (OutputStream out = Files.newOutputStream(destination)) {
                    tar.transferTo(out);
                }
                setMode(destination, entry.getMode());
                files++;
                progress.accept(Math.min(1.0, (double) counted.count / size));
            }
        }
        progress.accept(1.0);
        return files;
    }

    private static Path inside(Path target, String name, TarArchiveEntry entry) {
        Path destination = target.resolve(name).normalize();
        if (!destination.startsWith(target) || name.startsWith("/")) {
            throw new PhpInstallException(
                    "Refusing tarball entry " + entry.getName() + ": it points outside the " + "install directory");
        }
        boolean special = entry.isSymbolicLink()
                || entry.isLink()
                || entry.isCharacterDevice()
                || entry.isBlockDevice()
                || entry.isFIFO();
        if (special || !(entry.isFile() || entry.isDirectory())) {
            throw new PhpInstallException("Refusing tarball entry " + entry.getName() + ": only files and directories "
                    + "are unpacked, not links or devices");
        }
        return destination;
    }

    /** Keeps the owner's read, write and execute bits (the PHP binary and the libraries must stay executable). */
    private static void setMode(Path file, int mode) throws IOException {
        Set<PosixFilePermission> permissions = EnumSet.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ,
                PosixFilePermission.OWNER_WRITE);
        if ((mode & 0100) != 0) {
            permissions.addAll(EnumSet.of(
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        try {
            Files.setPosixFilePermissions(file, permissions);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the builds only run on Linux anyway
        }
    }

    /** Counts the compressed bytes read, for progress. */
    private static final class CountingStream extends FilterInputStream {

        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(0, n);
            return n;
        }
    }
}
