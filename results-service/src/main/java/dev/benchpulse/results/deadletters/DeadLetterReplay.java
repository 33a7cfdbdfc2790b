package dev.benchpulse.results.deadletters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

/**
 * Moves the waiting records of a dead-letter topic back to their source topic: same key, value bytes and headers
 * (the {@code kafka_dlt-*} ones dropped), same partition; then commits the replay group's offsets past them, so
 * they no longer wait. A crash between the two replays them again, which ingest's idempotence makes harmless. One
 * replay at a time.
 */
@Component
class DeadLetterReplay {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final String DLT_HEADER_PREFIX = KafkaHeaders.PREFIX + "dlt-";

    private final DeadLetters deadLetters;
    private final KafkaProperties kafka;

    DeadLetterReplay(DeadLetters deadLetters, KafkaProperties kafka) {
        this.deadLetters = deadLetters;
        this.kafka = kafka;
    }

    /** Replays every record waiting on {@code topic} now; returns how many. */
    synchronized int replay(DeadLetterTopic topic) {
        DeadLetterOffsets offsets = deadLetters.offsets(topic);
        if (offsets.depth() == 0) {
            return 0;
        }
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = deadLetters.consumer(DeadLetterTopic.REPLAY_GROUP);
                KafkaProducer<byte[], byte[]> producer = producer()) {
            var reached = deadLetters.read(consumer, offsets, record -> {
                sent.add(producer.send(new ProducerRecord<>(
                        topic.source(),
                        partition(record, topic),
                        record.key(),
                        record.value(),
                        withoutDeadLetterHeaders(record.headers()))));
                return true;
            });
            producer.flush();
            sent.forEach(DeadLetters::await);
            consumer.commitSync(reached.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue()))));
        }
        log.warn("Replayed {} record(s) from {} to {}", sent.size(), topic.name(), topic.source());
        return sent.size();
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> props = kafka.buildProducerProperties();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static Integer partition(ConsumerRecord<?, ?> record, DeadLetterTopic topic) {
        Integer original = DeadLetterRecord.intHeader(record, KafkaHeaders.DLT_ORIGINAL_PARTITION);
        return original != null && original >= 0 && original < topic.partitions() ? original : null;
    }

    private static List<Header> withoutDeadLetterHeaders(Iterable<Header> headers) {
        List<Header> kept = new ArrayList<>();
        for (Header header : headers) {
            if (!header.key().startsWith(DLT_HEADER_PREFIX)) {
                kept.add(header);
            }
        }
        return kept;
    }
}
