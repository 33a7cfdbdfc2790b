package dev.benchpulse.notifier.consume;

import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;

/** Stops and restarts fetching from one partition (the listener container's pause and resume). */
record PartitionGate(Consumer<TopicPartition> pause, Consumer<TopicPartition> resume) {

    static final PartitionGate NONE = new PartitionGate(p -> {}, p -> {});
}
