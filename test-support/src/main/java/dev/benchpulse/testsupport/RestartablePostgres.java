package dev.benchpulse.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server of a test's own, for outage tests: {@link #stop()} shuts it down (clients then see their
 * connections refused), {@link #start()} brings it back on the same port with the same data. Not the JVM-wide
 * {@link TestPostgres} server, which other test classes use meanwhile.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.server = launch(dataDirectory, 0);
        this.port = server.getPort();
    }

    /** Starts a new server in a fresh data directory on a free port. */
    public static RestartablePostgres launch() {
        try {
            return new RestartablePostgres(Files.createTempDirectory("restartable-postgres"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates and returns an empty database. */
    public synchronized TestPostgres.Database newDatabase(String name) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return new TestPostgres.Database("localhost", port, name, "postgres", "postgres");
    }

    /** Shuts the server down; its data stays. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot stop PostgreSQL", e);
            }
            server = null;
        }
    }

    /** Starts the server again, same port, same data. */
    public synchronized void start() {
        if (server == null) {
            server = launch(dataDirectory, port);
        }
    }

    @Override
    public synchronized void close() {
        stop();
        FileSystemUtils.deleteRecursively(dataDirectory.toFile());
    }

    private static EmbeddedPostgres launch(Path dataDirectory, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(true);
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }
}
