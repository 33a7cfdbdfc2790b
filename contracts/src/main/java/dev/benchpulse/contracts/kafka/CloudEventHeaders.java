package dev.benchpulse.contracts.kafka;

import dev.benchpulse.contracts.EventType;
import dev.benchpulse.contracts.Events;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The CloudEvents 1.0 Kafka protocol binding, binary content mode: attributes travel as {@code ce_}-prefixed
 * headers and the record value is the event data, so consumers can route on headers without decoding.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    /** The URL of the schema the value was written with (CloudEvents {@code dataschema}), where one is served. */
    public static final String DATA_SCHEMA = "ce_dataschema";

    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String AVRO_CONTENT_TYPE = "application/avro";

    private CloudEventHeaders() {}

    /** Replaces the CloudEvents headers of a record with those describing {@code event}, without a data schema. */
    public static void write(Headers headers, SpecificRecord event, String source) {
        write(headers, event, source, null);
    }

    /**
     * Replaces the CloudEvents headers of a record with those describing {@code event}; {@code dataSchema}, the URL
     * of the writer schema, goes in {@value #DATA_SCHEMA} unless it is null.
     */
    public static void write(Headers headers, SpecificRecord event, String source, String dataSchema) {
        EventType type = EventType.of(event);
        put(headers, SPEC_VERSION, SPEC_VERSION_VALUE);
        put(headers, ID, Events.cloudEventId(event));
        put(headers, SOURCE, source);
        put(headers, TYPE, type.cloudEventType());
        put(headers, TIME, DateTimeFormatter.ISO_INSTANT.format(Events.occurredAt(event)));
        put(headers, SUBJECT, Events.subject(event));
        put(headers, CONTENT_TYPE, AVRO_CONTENT_TYPE);
        headers.remove(DATA_SCHEMA);
        if (dataSchema != null) {
            put(headers, DATA_SCHEMA, dataSchema);
        }
    }

    /** The last value of a header as text, if the record has it. */
    public static Optional<String> read(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
                ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
