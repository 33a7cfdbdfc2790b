package dev.benchpulse.contracts;

import static dev.benchpulse.contracts.EventType.BENCHMARK_COMPLETED;
import static dev.benchpulse.contracts.EventType.BENCHMARK_FAILED;
import static dev.benchpulse.contracts.EventType.BENCHMARK_HEARTBEAT;
import static dev.benchpulse.contracts.EventType.BENCHMARK_PROGRESS;
import static dev.benchpulse.contracts.EventType.BENCHMARK_STARTED;
import static dev.benchpulse.contracts.EventType.HUB_UPDATE;
import static dev.benchpulse.contracts.EventType.RUN_CANCEL_REQUESTED;
import static dev.benchpulse.contracts.EventType.RUN_REQUESTED;

import dev.benchpulse.contracts.avro.HubUpdate;
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
 * run share its id as key, so each topic keeps a run's records in order; the hub's updates are in one total order.
 */
public final class Topics {

    /** Run requests, one per run; runner instances share them as a consumer group. */
    public static final Topic<String, RunRequested> RUN_REQUESTS =
            topic("benchpulse.run-requests.v1", 6, RunRequested.class, EnumSet.of(RUN_REQUESTED));

    /**
     * Lifecycle of every run: Started, one Progress per sample, then Completed or Failed; Heartbeats while an attempt
     * would otherwise stay silent.
     */
    public static final Topic<String, SpecificRecord> BENCHMARK_EVENTS = topic(
            "benchpulse.benchmark-events.v1",
            6,
            SpecificRecord.class,
            EnumSet.of(
                    BENCHMARK_STARTED, BENCHMARK_PROGRESS, BENCHMARK_COMPLETED, BENCHMARK_FAILED, BENCHMARK_HEARTBEAT));

    /** Cancellation requests; every runner instance reads all of them. */
    public static final Topic<String, RunCancelRequested> RUN_CONTROL =
            topic("benchpulse.run-control.v1", 1, RunCancelRequested.class, EnumSet.of(RUN_CANCEL_REQUESTED));

    /**
     * The updates of the Mercure hub cluster, keyed by update id, and their history. Every hub instance reads the whole
     * topic (manual assignment, no consumer group) and sends each update to its own subscribers. One partition,
     * because Mercure replays everything published after one {@code Last-Event-ID} in publication order, across all
     * topics: Kafka orders records only within a partition, and with one partition every update has one offset in
     * one order that every instance reads alike, so an id names the same position on every instance. No dead-letter
     * topic: nothing is taken off this log by reading it, and a record bad in itself stays in it, skipped and logged by
     * every instance.
     */
    public static final Topic<String, HubUpdate> HUB_UPDATES = new Topic<>(
            "benchpulse.hub-updates.v1",
            1,
            String.class,
            HubUpdate.class,
            EnumSet.of(HUB_UPDATE),
            Serdes::String,
            () -> new AvroSerde<>(HubUpdate.class, EnumSet.of(HUB_UPDATE)),
            null);

    private static final List<Topic<String, ?>> ALL = List.of(RUN_REQUESTS, BENCHMARK_EVENTS, RUN_CONTROL, HUB_UPDATES);

    private Topics() {}

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
        return new Topic<>(
                name,
                partitions,
                String.class,
                valueType,
                types,
                Serdes::String,
                () -> new AvroSerde<>(valueType, types),
                name + Topic.DEAD_LETTER_SUFFIX);
    }
}
