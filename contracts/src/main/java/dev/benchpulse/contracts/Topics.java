package dev.benchpulse.contracts;

import static dev.benchpulse.contracts.EventType.BENCHMARK_COMPLETED;
import static dev.benchpulse.contracts.EventType.BENCHMARK_FAILED;
import static dev.benchpulse.contracts.EventType.BENCHMARK_HEARTBEAT;
import static dev.benchpulse.contracts.EventType.BENCHMARK_PROGRESS;
import static dev.benchpulse.contracts.EventType.BENCHMARK_STARTED;
import static dev.benchpulse.contracts.EventType.RUN_CANCEL_REQUESTED;
import static dev.benchpulse.contracts.EventType.RUN_REQUESTED;

import dev.benchpulse.contracts.avro.RunCancelRequested;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.kafka.AvroSerde;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The registry of Benchpulse's Kafka topics. Every topic name in the code base comes from here. All records of a
 * run share its id as key, so each topic keeps a run's records in order.
 */
public final class Topics {

    /** Run requests, one per run; runner instances share them as a consumer group. */
    public static final Topic<String, RunRequested> RUN_REQUESTS = topic(
            "benchpulse.run-requests.v1", 6, RunRequested.class, EnumSet.of(RUN_REQUESTED));

    /**
     * Lifecycle of every run: Started, one Progress per sample, then Completed or Failed; Heartbeats while an attempt
     * would otherwise stay silent.
     */
    public static final Topic<String, SpecificRecord> BENCHMARK_EVENTS = topic(
            "benchpulse.benchmark-events.v1", 6, SpecificRecord.class,
            EnumSet.of(BENCHMARK_STARTED, BENCHMARK_PROGRESS, BENCHMARK_COMPLETED, BENCHMARK_FAILED,
                    BENCHMARK_HEARTBEAT));

    /** Cancellation requests; every runner instance reads all of them. */
    public static final Topic<String, RunCancelRequested> RUN_CONTROL = topic(
            "benchpulse.run-control.v1", 1, RunCancelRequested.class, EnumSet.of(RUN_CANCEL_REQUESTED));

    private static final List<Topic<String, ?>> ALL = List.of(RUN_REQUESTS, BENCHMARK_EVENTS, RUN_CONTROL);

    private Topics() {
    }

    /** The topics carrying Benchpulse records (dead-letter topics not included, see {@link Topic#deadLetter()}). */
    public static List<Topic<String, ?>> all() {
        return ALL;
    }

    /** Every topic a deployment needs, dead-letter topics included. */
    public static List<Topic<?, ?>> allWithDeadLetters() {
        return ALL.stream()
                .flatMap(t -> Stream.concat(Stream.of(t), t.deadLetter().stream()))
                .<Topic<?, ?>>map(t -> t)
                .toList();
    }

    /** Looks a topic up by name, dead-letter topics included. */
    public static Optional<Topic<?, ?>> byName(String name) {
        return allWithDeadLetters().stream().filter(t -> t.name().equals(name)).findFirst();
    }

    private static <V extends SpecificRecord> Topic<String, V> topic(
            String name, int partitions, Class<V> valueType, Set<EventType> types) {
        return new Topic<>(name, partitions, String.class, valueType, types, Serdes::String,
                () -> new AvroSerde<>(valueType, types), name + Topic.DEAD_LETTER_SUFFIX);
    }
}
