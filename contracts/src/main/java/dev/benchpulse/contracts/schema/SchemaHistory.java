package dev.benchpulse.contracts.schema;

import dev.benchpulse.contracts.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every released version of each schema, kept in this jar as {@code history/<Record>/v<N>.avsc} (self-contained
 * JSON, N from 1 without gaps). Readers need them to resolve records written by older producers; the build needs
 * them to keep new versions compatible.
 */
public final class SchemaHistory {

    private static final String ROOT = "/dev/benchpulse/contracts/history/";

    private SchemaHistory() {}

    /** Released versions of a type's schema, oldest first. */
    public static List<Schema> versions(EventType type) {
        List<Schema> versions = new ArrayList<>();
        for (int v = 1; ; v++) {
            String path = location(type, v);
            try (InputStream in = SchemaHistory.class.getResourceAsStream(path)) {
                if (in == null) {
                    return List.copyOf(versions);
                }
                versions.add(new Schema.Parser().parse(in));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read schema history " + path, e);
            }
        }
    }

    /** Where version {@code v} of a type's schema is kept on the class path. */
    public static String location(EventType type, int version) {
        return ROOT + type.schema().getName() + "/v" + version + ".avsc";
    }
}
