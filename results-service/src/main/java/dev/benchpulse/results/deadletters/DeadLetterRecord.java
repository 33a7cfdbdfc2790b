package dev.benchpulse.results.deadletters;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * One record waiting on a dead-letter topic, as operators need to see it: where it is, where it came from, its
 * run, and why it was parked (the headers the dead-letter publisher wrote).
 *
 * @param runId             the record's key (a run id by contract)
 * @param originalPartition partition of the source topic it was read from
 * @param originalOffset    its offset there
 * @param reason            the exception message that parked it
 * @param exception         that exception's class
 * @param consumerGroup     the consumer group that could not process it
 */
record DeadLetterRecord(
        int partition,
        long offset,
        Instant parkedAt,
        String runId,
        Integer originalPartition,
        Long originalOffset,
        String reason,
        String exception,
        String consumerGroup) {

    static DeadLetterRecord of(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetterRecord(
                record.partition(),
                record.offset(),
                Instant.ofEpochMilli(record.timestamp()),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION),
                longHeader(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE),
                text(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP));
    }

    static Integer intHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != Integer.BYTES
                ? null
                : ByteBuffer.wrap(header.value()).getInt();
    }

    private static Long longHeader(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value().length != Long.BYTES
                ? null
                : ByteBuffer.wrap(header.value()).getLong();
    }

    private static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
