package dev.benchpulse.contracts.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The evolution rule of Benchpulse schemas, FULL_TRANSITIVE: a new version must read records written with every
 * earlier version (backward) and every earlier version must read records written with it (forward).
 */
public final class CompatibilityPolicy {

    private CompatibilityPolicy() {}

    /**
     * Checks a candidate schema against every earlier version.
     *
     * @param candidate the new version
     * @param earlier   released versions, oldest first (v1, v2, ...)
     * @return one readable line per incompatibility; empty when the candidate may be released
     */
    public static List<String> fullTransitiveProblems(Schema candidate, List<Schema> earlier) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < earlier.size(); i++) {
            String version = "v" + (i + 1);
            Schema previous = earlier.get(i);
            describe(
                    problems,
                    "cannot read records written with " + version,
                    SchemaCompatibility.checkReaderWriterCompatibility(candidate, previous));
            describe(
                    problems,
                    version + " readers cannot read records it writes",
                    SchemaCompatibility.checkReaderWriterCompatibility(previous, candidate));
        }
        return problems;
    }

    private static void describe(List<String> problems, String direction, SchemaPairCompatibility result) {
        result.getResult()
                .getIncompatibilities()
                .forEach(incompatibility -> problems.add("%s %s: %s at %s (%s)"
                        .formatted(
                                result.getReader().getName(),
                                direction,
                                incompatibility.getType(),
                                fieldPath(result.getReader(), incompatibility.getLocation()),
                                incompatibility.getMessage())));
    }

    /** Turns Avro's location, a JSON pointer such as /fields/9/type/fields/0/type, into field names. */
    static String fieldPath(Schema root, String location) {
        List<String> names = new ArrayList<>();
        Schema schema = root;
        String[] tokens = location.split("/");
        for (int i = 0; i < tokens.length; i++) {
            if ("fields".equals(tokens[i]) && i + 1 < tokens.length && schema.getType() == Schema.Type.RECORD) {
                int index = Integer.parseInt(tokens[++i]);
                if (index >= schema.getFields().size()) {
                    break;
                }
                Schema.Field field = schema.getFields().get(index);
                names.add(field.name());
                schema = field.schema();
            } else if (tokens[i].matches("\\d+") && schema.getType() == Schema.Type.UNION) {
                schema = schema.getTypes().get(Integer.parseInt(tokens[i]));
            }
        }
        return names.isEmpty() ? location : String.join(".", names) + " (" + location + ")";
    }
}
