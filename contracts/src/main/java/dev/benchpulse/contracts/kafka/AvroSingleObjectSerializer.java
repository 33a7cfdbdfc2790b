package dev.benchpulse.contracts.kafka;

import dev.benchpulse.contracts.EventType;
import dev.benchpulse.contracts.schema.AvroCodecs;
import dev.benchpulse.contracts.schema.ContractSchemas;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Benchpulse records as Avro single-object encoding ({@code C3 01}, the writer schema's 8-byte CRC-64-AVRO
 * fingerprint, the binary body) and adds the CloudEvents binary-mode headers. The {@code ce_source} comes from
 * the producer property {@value #SOURCE_CONFIG}, or is derived from {@code client.id}. With the producer property
 * {@value #SCHEMA_BASE_URL_CONFIG} set, {@code ce_dataschema} is that URL followed by the writer schema's
 * fingerprint in {@linkplain ContractSchemas#text(long) text form}, so a consumer can fetch a schema it does not
 * know; without it, the header is left out.
 *
 * @param <V> the value type
 */
public class AvroSingleObjectSerializer<V extends SpecificRecord> implements Serializer<V> {

    /** Producer property naming the CloudEvents source of the records, a URI reference. */
    public static final String SOURCE_CONFIG = "benchpulse.cloudevents.source";

    /**
     * Producer property: absolute URL under which schemas are served by fingerprint, such as
     * {@code http://localhost:8080/api/schemas/}; unset or blank for no {@code ce_dataschema} header.
     */
    public static final String SCHEMA_BASE_URL_CONFIG = "benchpulse.cloudevents.dataschema-base-url";

    private final Set<EventType> allowed;
    private String source = "/benchpulse";
    private String schemaBaseUrl;

    /** A serializer for every Benchpulse event type, as used when configured by class name. */
    public AvroSingleObjectSerializer() {
        this(EnumSet.allOf(EventType.class));
    }

    public AvroSingleObjectSerializer(Set<EventType> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(SOURCE_CONFIG);
        Object clientId = configs.get(ProducerConfig.CLIENT_ID_CONFIG);
        if (configured != null && !configured.toString().isBlank()) {
            source = configured.toString();
        } else if (clientId != null && !clientId.toString().isBlank()) {
            source = "/benchpulse/" + clientId;
        }
        schemaBaseUrl = schemaBaseUrl(configs.get(SCHEMA_BASE_URL_CONFIG));
    }

    private static String schemaBaseUrl(Object configured) {
        if (configured == null || configured.toString().isBlank()) {
            return null;
        }
        String url = configured.toString().strip();
        try {
            if (!URI.create(url).isAbsolute()) {
                throw new IllegalArgumentException("not absolute");
            }
        } catch (IllegalArgumentException e) {
            throw new ConfigException(
                    SCHEMA_BASE_URL_CONFIG,
                    url,
                    "must be an absolute URL such as http://localhost:8080/api/schemas/ (CloudEvents dataschema is a URI)");
        }
        return url.endsWith("/") ? url : url + "/";
    }

    @Override
    public byte[] serialize(String topic, V data) {
        if (data == null) {
            return null;
        }
        EventType type = EventType.of(data);
        if (!allowed.contains(type)) {
            throw new SerializationException(
                    type + " records do not belong on topic " + topic + "; it carries " + allowed);
        }
        try {
            ByteBuffer buffer = AvroCodecs.encoder(type).encode(data);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (Exception e) {
            throw new SerializationException(
                    "Cannot encode " + type + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] serialize(String topic, Headers headers, V data) {
        byte[] bytes = serialize(topic, data);
        if (data != null && headers != null) {
            CloudEventHeaders.write(
                    headers,
                    data,
                    source,
                    schemaBaseUrl == null
                            ? null
                            : schemaBaseUrl + ContractSchemas.text(ContractSchemas.fingerprint(EventType.of(data))));
        }
        return bytes;
    }
}
