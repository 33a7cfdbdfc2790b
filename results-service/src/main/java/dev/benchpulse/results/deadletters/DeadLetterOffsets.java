package dev.benchpulse.results.deadletters;

import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the waiting records of a dead-letter topic are, per partition: from the replay group's committed offset
 * (or the log start, whichever is later) to the log end.
 */
record DeadLetterOffsets(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {

    static DeadLetterOffsets of(
            Map<TopicPartition, Long> starts,
            Map<TopicPartition, Long> ends,
            Map<TopicPartition, OffsetAndMetadata> replayed) {
        Map<TopicPartition, Long> from = new java.util.HashMap<>();
        starts.forEach((partition, start) -> {
            OffsetAndMetadata done = replayed.get(partition);
            from.put(partition, Math.max(start, done == null ? 0 : done.offset()));
        });
        return new DeadLetterOffsets(Map.copyOf(from), Map.copyOf(ends));
    }

    /** Records waiting, over all partitions. */
    long depth() {
        return to.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - from.getOrDefault(e.getKey(), 0L)))
                .sum();
    }
}
