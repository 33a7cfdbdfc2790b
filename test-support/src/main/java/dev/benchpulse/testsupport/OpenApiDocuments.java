package dev.benchpulse.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI documents of runner-service and results-service, committed as {@code docs/openapi/<service>.json}:
 * each service's tests check that what it serves at {@code /v3/api-docs} is the committed document, and the
 * gateway's tests check that the dashboard reads only fields these documents name. The dashboard and the API thus
 * meet in one file per service, and an API change shows up in review as a change of that file.
 */
public final class OpenApiDocuments {

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private OpenApiDocuments() {}

    /** The committed document of a service ({@code runner} or {@code results}). */
    public static JsonNode committed(String service) {
        try {
            return JSON.readTree(Files.readString(file(service)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Fails unless the document a service serves equals its committed one, the generated server URL (a random test
     * port) aside. The served document is written to {@code target/openapi/<service>.json} either way: when the API
     * changed on purpose, copy it over the committed one.
     */
    public static void assertServedIsCommitted(String service, String served) {
        JsonNode actual = withoutServers(JSON.readTree(served));
        Path written = Path.of("target", "openapi", service + ".json").toAbsolutePath();
        try {
            Files.createDirectories(written.getParent());
            Files.writeString(written, JSON.writeValueAsString(actual) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(actual.equals(withoutServers(committed(service))))
                .as(
                        "The API of %s differs from %s. If the "
                                + "change is meant, copy %s over it (the dashboard's contract test reads the committed file).",
                        service, file(service), written)
                .isTrue();
    }

    private static JsonNode withoutServers(JsonNode document) {
        ObjectNode copy = ((ObjectNode) document).deepCopy();
        copy.remove("servers");
        return copy;
    }

    private static Path file(String service) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs/openapi"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException(
                    "No docs/openapi folder above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs").resolve("openapi").resolve(service + ".json");
    }
}
