package dev.benchpulse.launcher.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The JDBC checks both the embedded and an existing PostgreSQL go through. */
final class Postgres {

    private Postgres() {}

    static Connection connect(Database database, String name) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", database.username());
        properties.setProperty("password", database.password());
        properties.setProperty("connectTimeout", "3");
        properties.setProperty("loginTimeout", "5");
        String url = "jdbc:postgresql://%s:%d/%s".formatted(database.host(), database.port(), name);
        return DriverManager.getConnection(url, properties);
    }

    /** True once {@code SELECT 1} answers in the database. */
    static boolean answers(Database database) throws SQLException {
        try (Connection connection = connect(database, database.name());
                Statement statement = connection.createStatement()) {
            return statement.execute("SELECT 1");
        }
    }

    /** Creates the database (in the server's {@code postgres} database) when it does not exist yet. */
    static void ensureDatabase(Database database) throws SQLException {
        try (Connection connection = connect(database, "postgres");
                Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '"
                    + database.name().replace("'", "''") + "'")) {
                if (rows.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE \"" + database.name().replace("\"", "\"\"") + "\"");
        }
    }
}
