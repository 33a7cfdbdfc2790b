package dev.benchpulse.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * The images {@code docker-compose.yml} pins, read from the file itself, so the Testcontainers runs use exactly the
 * Kafka and PostgreSQL that compose runs and a version is written in one place only.
 */
public final class ComposeImages {

    private ComposeImages() {}

    /** The {@code image} of a compose service, e.g. {@code apache/kafka:4.1.2} for {@code kafka}. */
    public static String of(String service) {
        Map<String, Object> services = section(compose(), "services");
        Object image = section(services, service).get("image");
        if (!(image instanceof String name) || name.isBlank()) {
            throw new IllegalStateException("docker-compose.yml names no image for service " + service);
        }
        return name;
    }

    /** The repository's {@code docker-compose.yml}, found from the working directory (a module of the repository). */
    static Path composeFile() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "No docker-compose.yml above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docker-compose.yml");
    }

    private static Map<String, Object> compose() {
        try {
            return new Yaml().load(Files.readString(composeFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map)) {
            throw new IllegalStateException("docker-compose.yml has no " + key);
        }
        return (Map<String, Object>) value;
    }
}
