package dev.benchpulse.launcher.postgres;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code BENCHPULSE_DATABASE_URL}: {@code postgresql://user:password@host:port/database?sslmode=require}
 * (the usual libpq form; {@code postgres://} too) or a JDBC URL {@code jdbc:postgresql://host:port/database}.
 * {@code BENCHPULSE_DATABASE_USERNAME} and {@code BENCHPULSE_DATABASE_PASSWORD} override what the URL carries.
 */
public final class DatabaseUrl {

    private DatabaseUrl() {}

    public static Database parse(String url, Optional<String> username, Optional<String> password) {
        String text = url.trim();
        if (text.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        URI uri = URI.create(text);
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
            throw new IllegalArgumentException("BENCHPULSE_DATABASE_URL must look like "
                    + "postgresql://user:password@host:5432/benchpulse, not " + redact(url));
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("BENCHPULSE_DATABASE_URL needs a host and a database name, as in "
                    + "postgresql://user:password@host:5432/benchpulse; got " + redact(url));
        }
        Map<String, String> query = query(uri.getRawQuery());
        String[] userInfo = Optional.ofNullable(uri.getRawUserInfo()).orElse("").split(":", 2);
        String user =
                username.or(() -> Optional.ofNullable(query.remove("user"))).orElse(decode(userInfo[0]));
        String pass = password.or(() -> Optional.ofNullable(query.remove("password")))
                .orElse(userInfo.length > 1 ? decode(userInfo[1]) : "");
        query.remove("user");
        query.remove("password");
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        return new Database(uri.getHost(), port, uri.getPath().substring(1), user, pass, query);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** The URL without its password, for messages. */
    static String redact(String url) {
        return url.replaceAll("(//[^:/@]*):[^@/]*@", "$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
