package dev.benchpulse.results.ingest;

import dev.benchpulse.contracts.EventType;
import dev.benchpulse.results.settings.ResultsProperties;
import dev.benchpulse.support.kafka.InvalidRecordException;
import dev.benchpulse.support.outage.DependencyUnavailableException;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;
import reactor.util.retry.Retry;

/**
 * Consumes the lifecycle topic in batches. The listener thread waits for the database write of the batch, so the
 * container commits the batch's offsets only after its rows are stored. A record bad in itself (undecodable, or
 * breaking the {@link EventContract}) ends the batch: the records before it are written and committed, and the
 * error handler sends it to the dead-letter topic before the consumer goes on with the rest. A write that fails is
 * PostgreSQL's fault, never the records': the batch is retried from its first record for as long as the database
 * is away.
 */
@Component
class BenchmarkEventsListener {

    /** Id of the listener container, for tests and operations that stop and start it. */
    static final String ID = "results-benchmark-events";

    static final String DATABASE = "postgresql";
    private static final LogAccessor LOG = new LogAccessor(BenchmarkEventsListener.class);

    private final EventBatchWriter writer;
    private final IngestMetrics metrics;
    private final ResultsProperties.Ingest settings;

    BenchmarkEventsListener(EventBatchWriter writer, IngestMetrics metrics, ResultsProperties properties) {
        this.writer = writer;
        this.metrics = metrics;
        this.settings = properties.ingest();
    }

    @KafkaListener(
            id = ID,
            idIsGroup = false,
            topics = "#{T(dev.benchpulse.contracts.Topics).BENCHMARK_EVENTS.name()}",
            containerFactory = "benchmarkEventsListenerFactory")
    void on(List<ConsumerRecord<String, SpecificRecord>> records) {
        BadRecord bad = firstBad(records);
        List<SpecificRecord> events = records.subList(0, bad == null ? records.size() : bad.index()).stream()
                .map(ConsumerRecord::value)
                .toList();
        if (!events.isEmpty()) {
            try {
                write(events);
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException(
                        "Cannot store " + events.size() + " events",
                        new DependencyUnavailableException(DATABASE, e),
                        0);
            }
        }
        if (bad != null) {
            ConsumerRecord<String, SpecificRecord> record = records.get(bad.index());
            throw new BatchListenerFailedException(
                    "The record at offset " + record.offset() + " of partition " + record.partition()
                            + " is bad in itself",
                    bad.failure(),
                    bad.index());
        }
    }

    private void write(List<SpecificRecord> events) {
        long start = System.nanoTime();
        Long stored = writer.write(events)
                .retryWhen(Retry.backoff(settings.writeRetries(), Duration.ofMillis(200)))
                .block(settings.writeTimeout());
        metrics.wrote(Duration.ofNanos(System.nanoTime() - start));
        metrics.stored(stored == null ? 0 : stored);
        events.forEach(event -> metrics.consumed(EventType.of(event)));
    }

    private record BadRecord(int index, Exception failure) {}

    /** The first record that cannot be decoded or breaks the contract, if any. */
    private static BadRecord firstBad(List<ConsumerRecord<String, SpecificRecord>> records) {
        for (int i = 0; i < records.size(); i++) {
            ConsumerRecord<String, SpecificRecord> record = records.get(i);
            if (record.value() == null) {
                return new BadRecord(i, decodingFailure(record));
            }
            try {
                EventContract.check(record.value());
            } catch (InvalidRecordException e) {
                return new BadRecord(i, e);
            }
        }
        return null;
    }

    private static Exception decodingFailure(ConsumerRecord<String, SpecificRecord> record) {
        DeserializationException failure = SerializationUtils.getExceptionFromHeader(
                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG);
        return failure != null ? failure : new DeserializationException("The record has no value", null, false, null);
    }
}
