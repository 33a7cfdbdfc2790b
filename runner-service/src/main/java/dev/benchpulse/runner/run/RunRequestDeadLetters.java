package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * Parks a run request that cannot be decoded on the request topic's dead-letter topic (same partition, bytes
 * unchanged, the failure in the usual {@code kafka_dlt-*} headers), loudly: logged at ERROR with where it came from
 * and why, and counted in {@code benchpulse.kafka.dead-lettered}. Only records bad in themselves come here; a
 * failure to park one (the broker away) leaves it where it is, to be tried again.
 */
final class RunRequestDeadLetters {

    private static final Logger log = LoggerFactory.getLogger(RunRequestDeadLetters.class);

    private final DeadLetterPublishingRecoverer recoverer;
    private final String deadLetterTopic;
    private final MeterRegistry meters;

    @SuppressWarnings({"unchecked", "rawtypes"})
    RunRequestDeadLetters(KafkaTemplate<byte[], byte[]> template, MeterRegistry meters) {
        Topic<byte[], byte[]> deadLetter = Topics.RUN_REQUESTS.deadLetter().orElseThrow();
        this.deadLetterTopic = deadLetter.name();
        this.recoverer = new DeadLetterPublishingRecoverer(
                (KafkaOperations) template,
                (record, failure) -> new TopicPartition(deadLetterTopic, record.partition()));
        this.recoverer.setWaitForSendResultTimeout(Duration.ofSeconds(30));
        this.meters = meters;
    }

    /** Publishes the record to the dead-letter topic and waits for the broker; throws when it could not. */
    void park(ConsumerRecord<byte[], byte[]> record, Consumer<?, ?> consumer, Exception failure) {
        recoverer.accept(record, consumer, failure);
        log.error(
                "Dead-lettered the record at offset {} of {}-{} (run {}) to {}: {}. Fix the cause, then replay it "
                        + "with ./benchpulse dlt replay {}",
                record.offset(),
                record.topic(),
                record.partition(),
                record.key() == null ? "unknown" : new String(record.key(), StandardCharsets.UTF_8),
                deadLetterTopic,
                failure.getMessage(),
                deadLetterTopic);
        Counter.builder("benchpulse.kafka.dead-lettered")
                .tag("topic", record.topic())
                .description("Records this service parked on a dead-letter topic")
                .register(meters)
                .increment();
    }
}
