package dev.benchpulse.results.load;

import dev.benchpulse.testsupport.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The load generator's own PostgreSQL server (zonky's binaries), with the settings we document for production
 * rather than zonky's test defaults (which turn {@code fsync} and {@code synchronous_commit} off), plus {@code pg_stat_statements}
 * so the program can say which statements the database spent its time on.
 */
final class LoadDatabase implements AutoCloseable {

    /**
     * Production settings (docs/performance.md); {@code --postgres name=value} overrides or adds any. No {@code
     * wal_compression=lz4}: zonky's binaries are built without lz4 and the server refuses to start with it.
     */
    static final Map<String, String> PRODUCTION = Map.of(
            "synchronous_commit", "on",
            "fsync", "on",
            "shared_buffers", "256MB",
            "max_wal_size", "4GB",
            "checkpoint_timeout", "15min");

    private final EmbeddedPostgres server;
    private final TestPostgres.Database database;

    LoadDatabase(Map<String, String> overrides) throws IOException, SQLException {
        Map<String, String> settings = new LinkedHashMap<>(PRODUCTION);
        settings.putAll(overrides);
        settings.put("shared_preload_libraries", "pg_stat_statements");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        settings.forEach(builder::setServerConfig);
        server = builder.start();
        try (Connection c = server.getPostgresDatabase().getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE ingest");
        }
        database = new TestPostgres.Database("localhost", server.getPort(), "ingest", "postgres", "postgres");
        try (Connection c = connect();
                Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION pg_stat_statements");
        }
    }

    TestPostgres.Database database() {
        return database;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }

    /** Process id of the server's main process (the parent of every backend). */
    long postmasterPid() throws SQLException, IOException {
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            String stat = Files.readString(Path.of("/proc", rs.getString(1), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        }
    }

    /** The settings the server runs with, as it reports them. */
    String settings() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery("""
                SELECT name, setting, unit FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync',
                    'shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'wal_compression', 'server_version')
                ORDER BY name""")) {
            while (rs.next()) {
                out.append(rs.getString(1))
                        .append('=')
                        .append(rs.getString(2))
                        .append(rs.getString(3) == null ? "" : " " + rs.getString(3))
                        .append("; ");
            }
        }
        return out.toString();
    }

    /** The statements that took most of the database's time, with their calls, rows and mean time. */
    String topStatements(int limit) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = connect();
                ResultSet rs = c.createStatement().executeQuery("""
                SELECT calls, rows, total_exec_time, mean_exec_time, max_exec_time,
                    regexp_replace(left(query, 110), '\\s+', ' ', 'g')
                FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'ingest')
                ORDER BY total_exec_time DESC LIMIT %d""".formatted(limit))) {
            while (rs.next()) {
                out.append("  %,8d calls %,10d rows total %,9.0f ms mean %,8.1f ms max %,8.1f ms  %s%n"
                        .formatted(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getDouble(3),
                                rs.getDouble(4),
                                rs.getDouble(5),
                                rs.getString(6)));
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
