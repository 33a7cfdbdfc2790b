package dev.benchpulse.support.kafka;

import dev.benchpulse.contracts.Events;
import dev.benchpulse.support.outage.RootCause;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dead-lettering is never silent: every record parked on a dead-letter topic is logged at ERROR with where it came
 * from (topic, partition, offset), its run and why, and counted in {@code benchpulse.kafka.dead-lettered} (tagged
 * with the source topic).
 */
final class DeadLetterLog {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterLog.class);

    private final MeterRegistry registry;

    DeadLetterLog(MeterRegistry registry) {
        this.registry = registry;
    }

    void parked(ConsumerRecord<?, ?> record, TopicPartition deadLetter, Exception failure) {
        log.error(
                "Dead-lettered the record at offset {} of {}-{} (run {}) to {}: {}. Fix the cause, then replay it "
                        + "with ./benchpulse dlt replay {}",
                record.offset(),
                record.topic(),
                record.partition(),
                runId(record),
                deadLetter.topic(),
                RootCause.describe(failure),
                deadLetter.topic());
        Counter.builder("benchpulse.kafka.dead-lettered")
                .tag("topic", record.topic())
                .description("Records this service parked on a dead-letter topic")
                .register(registry)
                .increment();
    }

    /** The run of a record: its key (a run id by contract), else the run id in its decoded value, else unknown. */
    static String runId(ConsumerRecord<?, ?> record) {
        Object key = record.key();
        if (key instanceof String text) {
            return text;
        }
        if (key instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (record.value() instanceof SpecificRecord value) {
            try {
                return String.valueOf(Events.runId(value));
            } catch (RuntimeException e) {
                return "unknown";
            }
        }
        return "unknown";
    }
}
