package dev.benchpulse.launcher.postgres;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PostgreSQL database the results service uses, in the forms its settings take.
 *
 * @param host     server host
 * @param port     server port
 * @param name     database name
 * @param username user
 * @param password password (empty with trust authentication)
 * @param query    extra connection parameters, such as {@code sslmode}
 */
public record Database(
        String host, int port, String name, String username, String password, Map<String, String> query) {

    public Database {
        query = Map.copyOf(query);
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://%s:%d/%s%s".formatted(host, port, name, queryString(query));
    }

    public String r2dbcUrl() {
        Map<String, String> options = new LinkedHashMap<>();
        // r2dbc-postgresql spells the SSL option sslMode; the rest pass through unchanged.
        query.forEach((key, value) -> options.put("sslmode".equals(key) ? "sslMode" : key, value));
        return "r2dbc:postgresql://%s:%d/%s%s".formatted(host, port, name, queryString(options));
    }

    /** The address without credentials, for messages. */
    public String display() {
        return "postgresql://%s:%d/%s".formatted(host, port, name);
    }

    /** The results service's Spring settings for this database. */
    public Map<String, String> springEnvironment() {
        return Map.of(
                "SPRING_R2DBC_URL", r2dbcUrl(),
                "SPRING_R2DBC_USERNAME", username,
                "SPRING_R2DBC_PASSWORD", password,
                "SPRING_FLYWAY_URL", jdbcUrl(),
                "SPRING_FLYWAY_USER", username,
                "SPRING_FLYWAY_PASSWORD", password);
    }

    @Override
    public String toString() {
        return display();
    }

    private static String queryString(Map<String, String> options) {
        if (options.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("?");
        options.forEach((key, value) -> text.append(text.length() > 1 ? "&" : "")
                .append(key)
                .append('=')
                .append(value));
        return text.toString();
    }
}
