package dev.benchpulse.kit;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * One event as one line of JSON, written without a JSON library so the consumer needs nothing beyond the contracts
 * jar. Values are rendered as the wire carries them: UUIDs as strings, timestamps as milliseconds since the epoch,
 * enum symbols as strings, optional fields as null or their value. The Node.js consumer prints the same shape.
 */
final class EventLine {

    private EventLine() {}

    /** The line of one record: where it is, its key and CloudEvents type, the writer schema and the event. */
    static String of(
            String topic,
            int partition,
            long offset,
            String key,
            String type,
            String dataSchema,
            String fingerprint,
            IndexedRecord event) {
        StringBuilder json = new StringBuilder(256).append('{');
        field(json, "topic", topic).append(',');
        field(json, "partition", partition).append(',');
        field(json, "offset", offset).append(',');
        field(json, "key", key).append(',');
        field(json, "type", type).append(',');
        field(json, "dataschema", dataSchema).append(',');
        field(json, "fingerprint", fingerprint).append(',');
        field(json, "schema", event.getSchema().getFullName()).append(',');
        field(json, "event", event);
        return json.append('}').toString();
    }

    private static StringBuilder field(StringBuilder json, String name, Object value) {
        string(json, name).append(':');
        return value(json, value);
    }

    private static StringBuilder value(StringBuilder json, Object value) {
        switch (value) {
            case null -> json.append("null");
            case IndexedRecord record -> record(json, record);
            case Map<?, ?> map -> {
                json.append('{');
                String separator = "";
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.append(separator);
                    field(json, entry.getKey().toString(), entry.getValue());
                    separator = ",";
                }
                json.append('}');
            }
            case Collection<?> items -> {
                json.append('[');
                String separator = "";
                for (Object item : items) {
                    value(json.append(separator), item);
                    separator = ",";
                }
                json.append(']');
            }
            case Double d -> json.append(d.isNaN() || d.isInfinite() ? "null" : d.toString());
            case Float f -> json.append(f.isNaN() || f.isInfinite() ? "null" : f.toString());
            case Number n -> json.append(n);
            case Boolean b -> json.append(b);
            case Instant instant -> json.append(instant.toEpochMilli());
            case ByteBuffer bytes ->
                string(
                        json,
                        Base64.getEncoder().encodeToString(bytes.duplicate().array()));
            case UUID uuid -> string(json, uuid.toString());
            default -> string(json, value.toString()); // strings, enum symbols
        }
        return json;
    }

    private static void record(StringBuilder json, IndexedRecord record) {
        json.append('{');
        String separator = "";
        for (Schema.Field field : record.getSchema().getFields()) {
            json.append(separator);
            field(json, field.name(), record.get(field.pos()));
            separator = ",";
        }
        json.append('}');
    }

    private static StringBuilder string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append("\\u%04x".formatted((int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
