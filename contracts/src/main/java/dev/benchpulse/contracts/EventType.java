package dev.benchpulse.contracts;

import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkHeartbeat;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.avro.HubUpdate;
import dev.benchpulse.contracts.avro.RunCancelRequested;
import dev.benchpulse.contracts.avro.RunRequested;
import java.util.Arrays;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every kind of record Benchpulse publishes: its generated class, its current Avro schema and the CloudEvents
 * {@code ce_type} it travels with.
 */
public enum EventType {
    RUN_REQUESTED(RunRequested.class, RunRequested.getClassSchema(), "dev.benchpulse.run.requested"),
    RUN_CANCEL_REQUESTED(
            RunCancelRequested.class, RunCancelRequested.getClassSchema(), "dev.benchpulse.run.cancel-requested"),
    BENCHMARK_STARTED(BenchmarkStarted.class, BenchmarkStarted.getClassSchema(), "dev.benchpulse.benchmark.started"),
    BENCHMARK_PROGRESS(
            BenchmarkProgress.class, BenchmarkProgress.getClassSchema(), "dev.benchpulse.benchmark.progress"),
    BENCHMARK_COMPLETED(
            BenchmarkCompleted.class, BenchmarkCompleted.getClassSchema(), "dev.benchpulse.benchmark.completed"),
    BENCHMARK_FAILED(BenchmarkFailed.class, BenchmarkFailed.getClassSchema(), "dev.benchpulse.benchmark.failed"),
    BENCHMARK_HEARTBEAT(
            BenchmarkHeartbeat.class, BenchmarkHeartbeat.getClassSchema(), "dev.benchpulse.benchmark.heartbeat"),
    HUB_UPDATE(HubUpdate.class, HubUpdate.getClassSchema(), "dev.benchpulse.hub.update");

    private final Class<? extends SpecificRecord> recordClass;
    private final Schema schema;
    private final String cloudEventType;

    EventType(Class<? extends SpecificRecord> recordClass, Schema schema, String cloudEventType) {
        this.recordClass = recordClass;
        this.schema = schema;
        this.cloudEventType = cloudEventType;
    }

    public Class<? extends SpecificRecord> recordClass() {
        return recordClass;
    }

    /** The schema this version of the contracts writes and reads into. */
    public Schema schema() {
        return schema;
    }

    /** The CloudEvents {@code ce_type} header value, stable across schema versions. */
    public String cloudEventType() {
        return cloudEventType;
    }

    public static EventType of(SpecificRecord record) {
        return bySchemaName(record.getSchema().getFullName())
                .orElseThrow(() -> new IllegalArgumentException(
                        record.getSchema().getFullName() + " is not a Benchpulse event type"));
    }

    public static Optional<EventType> bySchemaName(String fullName) {
        return Arrays.stream(values())
                .filter(t -> t.schema.getFullName().equals(fullName))
                .findFirst();
    }

    public static Optional<EventType> byCloudEventType(String ceType) {
        return Arrays.stream(values())
                .filter(t -> t.cloudEventType.equals(ceType))
                .findFirst();
    }
}
