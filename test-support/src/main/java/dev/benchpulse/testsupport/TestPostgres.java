package dev.benchpulse.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL server started once per test JVM, stopped when the JVM exits: zonky's embedded binaries on a free
 * port, or in a {@code -Ptestcontainers} run the PostgreSQL container of {@link TestContainers} (the image compose
 * pins). Each caller gets a database of its own, so test classes cannot see each other's rows.
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

    private TestPostgres() {}

    /** Starts the server on first use; creates and returns an empty database. */
    public static synchronized Database newDatabase() {
        String name = "test_" + DATABASES.incrementAndGet();
        if (TestContainers.requested()) {
            PostgreSQLContainer container = TestContainers.postgres();
            try (Connection connection = DriverManager.getConnection(
                    container.getJdbcUrl(), container.getUsername(), container.getPassword())) {
                create(connection, name);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot connect to the PostgreSQL container", e);
            }
            return new Database(
                    container.getHost(),
                    container.getMappedPort(5432),
                    name,
                    container.getUsername(),
                    container.getPassword());
        }
        try (Connection connection = server().getPostgresDatabase().getConnection()) {
            create(connection, name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to embedded PostgreSQL", e);
        }
        return new Database("localhost", server().getPort(), name, "postgres", "postgres");
    }

    private static void create(Connection connection, String name) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
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
