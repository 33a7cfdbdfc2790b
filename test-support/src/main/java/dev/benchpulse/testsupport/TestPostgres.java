package dev.benchpulse.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server (zonky's embedded binaries) started once per test JVM on a free port, stopped when the
 * JVM exits. Each caller gets a database of its own, so test classes cannot see each other's rows.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     TestPostgres.newDatabase().register(registry);
 * }
 * }</pre>
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    /** Starts the server on first use; creates and returns an empty database. */
    public static synchronized Database newDatabase() {
        String name = "test_" + DATABASES.incrementAndGet();
        try (Connection connection = server().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        return new Database("localhost", server().getPort(), name, "postgres", "postgres");
    }

    private static EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestPostgres::stop, "test-postgres-stop"));
        }
        return server;
    }

    private static synchronized void stop() {
        try {
            server.close();
        } catch (IOException e) {
            // the JVM is exiting; nothing more to do
        }
    }

    /** Where a test database lives, in the forms Spring's R2DBC and Flyway settings take. */
    public record Database(String host, int port, String name, String username, String password) {

        public String jdbcUrl() {
            return "jdbc:postgresql://%s:%d/%s".formatted(host, port, name);
        }

        public String r2dbcUrl() {
            return "r2dbc:postgresql://%s:%d/%s".formatted(host, port, name);
        }

        /** Sets {@code spring.r2dbc.*} and {@code spring.flyway.*} to this database. */
        public void register(DynamicPropertyRegistry registry) {
            registry.add("spring.r2dbc.url", this::r2dbcUrl);
            registry.add("spring.r2dbc.username", this::username);
            registry.add("spring.r2dbc.password", this::password);
            registry.add("spring.flyway.url", this::jdbcUrl);
            registry.add("spring.flyway.user", this::username);
            registry.add("spring.flyway.password", this::password);
        }
    }
}
