package dev.benchpulse.hub.transport.kafka;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads older updates back from the topic for replays, a chunk at a time, with a few consumers that replays share.
 * A consumer is held only for one chunk, never while a slow subscriber reads what it got, so the number of
 * consumers bounds the load replays put on Kafka without letting one subscriber hold up the others. Plain consumers
 * that are assigned and sought on demand, not a listener container: a replay reads one bounded range of offsets, then
 * gives the consumer back.
 */
final class HistoryReader implements AutoCloseable {

    static final int CHUNK = 500;
    private static final int CONSUMERS = 2;
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private final KafkaClients clients;
    private final TopicPartition partition;
    private final Semaphore permits = new Semaphore(CONSUMERS);
    private final BlockingQueue<KafkaConsumer<String, byte[]>> idle = new ArrayBlockingQueue<>(CONSUMERS);
    private volatile boolean closed;

    HistoryReader(KafkaClients clients, TopicPartition partition) {
        this.clients = clients;
        this.partition = partition;
    }

    /**
     * Up to {@value #CHUNK} records at offsets from {@code from} (included) to {@code to} (excluded), oldest first;
     * empty when Kafka no longer has any of them (deleted by retention).
     */
    List<ConsumerRecord<String, byte[]>> read(long from, long to) {
        if (from >= to) {
            return List.of();
        }
        permits.acquireUninterruptibly();
        KafkaConsumer<String, byte[]> consumer = null;
        try {
            if (closed) {
                throw new IllegalStateException("The hub is stopping: no more history is read.");
            }
            consumer = idle.poll();
            if (consumer == null) {
                consumer = clients.consumer("replay", CHUNK);
                consumer.assign(List.of(partition));
            }
            return read(consumer, from, to);
        } finally {
            if (consumer != null && (closed || !idle.offer(consumer))) {
                consumer.close(Duration.ZERO);
            }
            permits.release();
        }
    }

    private List<ConsumerRecord<String, byte[]>> read(KafkaConsumer<String, byte[]> consumer, long from, long to) {
        consumer.seek(partition, from);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord<String, byte[]>> records =
                    consumer.poll(Duration.ofMillis(200)).records(partition);
            if (!records.isEmpty()) {
                return records.stream().filter(r -> r.offset() < to).toList();
            }
            if (consumer.position(partition) >= to) {
                return List.of();
            }
        }
        throw new IllegalStateException("Kafka did not return the history from offset " + from + " of " + partition
                + " within " + READ_TIMEOUT.toSeconds() + " s");
    }

    @Override
    public void close() {
        closed = true;
        KafkaConsumer<String, byte[]> consumer;
        while ((consumer = idle.poll()) != null) {
            consumer.close(Duration.ZERO);
        }
    }
}
