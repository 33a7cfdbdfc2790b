package dev.benchpulse.contracts.kafka;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A record value whose writer schema this version of the contracts does not know, or that is not Avro
 * single-object encoded at all. Not retryable: consumers send such records to the topic's dead-letter topic.
 */
public class UnknownSchemaException extends SerializationException {

    private final String topic;
    private final Long fingerprint;

    public UnknownSchemaException(String message, String topic, Long fingerprint) {
        super(message);
        this.topic = topic;
        this.fingerprint = fingerprint;
    }

    public String topic() {
        return topic;
    }

    /** The CRC-64-AVRO fingerprint found in the record, or null when the bytes carried none. */
    public Long fingerprint() {
        return fingerprint;
    }
}
