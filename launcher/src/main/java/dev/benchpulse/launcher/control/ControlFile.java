package dev.benchpulse.launcher.control;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * Where a running launcher's control endpoint is and the token it wants: {@code control.properties} in the state
 * directory, readable by its owner only (the token is the only thing between another local user and the stack's
 * processes). Written when the launcher starts, removed when it stops.
 *
 * @param url   the endpoint, on the loopback interface
 * @param token the bearer token
 * @param pid   the launcher's process id
 */
public record ControlFile(URI url, String token, long pid) {

    static final String NAME = "control.properties";

    /** The control file of a state directory. */
    public static Path in(Path stateDir) {
        return stateDir.resolve(NAME);
    }

    /** Writes it owner-only, atomically (a reader never sees half of it). */
    void write(Path file) throws IOException {
        Properties properties = new Properties();
        properties.setProperty("url", url.toString());
        properties.setProperty("token", token);
        properties.setProperty("pid", String.valueOf(pid));
        Path temp = file.resolveSibling(NAME + ".tmp");
        Files.deleteIfExists(temp);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Writer writer = Files.newBufferedWriter(temp)) {
            properties.store(writer, "The control endpoint of ./benchpulse up (pid " + pid + "); do not share");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The file's content, or empty when there is none. */
    static Optional<ControlFile> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        try {
            return Optional.of(new ControlFile(
                    URI.create(properties.getProperty("url")),
                    properties.getProperty("token"),
                    Long.parseLong(properties.getProperty("pid"))));
        } catch (RuntimeException e) {
            throw new IOException(file + " is damaged (" + e.getMessage() + "); restart ./benchpulse up", e);
        }
    }
}
