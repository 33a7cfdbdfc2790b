package dev.benchpulse.notifier.consume;

import dev.benchpulse.notifier.relay.Delivery;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Commit bookkeeping of every partition this consumer owns ({@link PartitionOffsets}); forgets a partition when it
 * is revoked or lost, so a late settlement never commits an offset of a partition owned by someone else. With a
 * commit interval, settled offsets are acknowledged by {@link #flush()} (called on that interval) instead of at once.
 * <p>
 * Why not spring-kafka's own out-of-order acknowledgments (the container property {@code asyncAcks}): they too defer
 * a commit until every earlier offset is acknowledged, but the container stops fetching from every partition until
 * all records of the previous poll are acknowledged, so one run whose updates wait for the hub (retries, an outage)
 * would hold up the updates of every other run. Here only a partition that runs too far ahead of its oldest unsettled
 * event pauses ({@link PartitionOffsets}), and the others go on.
 */
final class CommitTracker implements ConsumerAwareRebalanceListener {

    private final Map<TopicPartition, PartitionOffsets> partitions = new ConcurrentHashMap<>();
    private final int limitPerPartition;
    private final boolean deferred;
    private volatile PartitionGate gate = PartitionGate.NONE;

    CommitTracker(int limitPerPartition, boolean deferred) {
        this.limitPerPartition = limitPerPartition;
        this.deferred = deferred;
    }

    void gate(PartitionGate gate) {
        this.gate = gate;
    }

    Delivery track(ConsumerRecord<?, ?> record, Acknowledgment acknowledgment) {
        return partition(record).track(record.offset(), acknowledgment);
    }

    /** Acknowledges, per partition, the newest settled offset not acknowledged yet. */
    void flush() {
        partitions.values().forEach(PartitionOffsets::flush);
    }

    /** Offsets of a partition read but not yet committable. */
    int uncommitted(TopicPartition partition) {
        PartitionOffsets offsets = partitions.get(partition);
        return offsets == null ? 0 : offsets.uncommitted();
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> revoked) {
        forget(revoked);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> lost) {
        forget(lost);
    }

    private void forget(Collection<TopicPartition> gone) {
        gone.forEach(partition -> {
            PartitionOffsets offsets = partitions.remove(partition);
            if (offsets != null) {
                offsets.revoke();
            }
        });
    }

    private PartitionOffsets partition(ConsumerRecord<?, ?> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        return partitions.computeIfAbsent(partition, p -> new PartitionOffsets(p, gate, limitPerPartition, deferred));
    }
}
