package dev.benchpulse.hub.transport.kafka;

import dev.benchpulse.hub.update.Update;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One replay, read as its subscriber takes it: the part still decoded in memory from there, the older part from
 * the topic, a chunk at a time. From the topic only the updates that were dispatched come back (not a publisher's
 * repeat of an id, not a record bad in itself), so a replay carries exactly what live dispatch did.
 */
final class ReplayCursor implements Iterator<Update> {

    private final KafkaHistory history;
    private final HistoryReader reader;
    private final Function<ConsumerRecord<String, byte[]>, Update> decoder;
    private final long end;
    private final ArrayDeque<Update> buffered = new ArrayDeque<>();
    private long next;

    ReplayCursor(
            KafkaHistory history,
            HistoryReader reader,
            Function<ConsumerRecord<String, byte[]>, Update> decoder,
            long from,
            long end) {
        this.history = history;
        this.reader = reader;
        this.decoder = decoder;
        this.next = from;
        this.end = end;
    }

    @Override
    public boolean hasNext() {
        while (buffered.isEmpty() && next < end) {
            fill();
        }
        return !buffered.isEmpty();
    }

    @Override
    public Update next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffered.poll();
    }

    private void fill() {
        long oldestCached = history.oldestCached();
        if (next >= oldestCached) {
            KafkaHistory.Slice slice = history.cached(next, end, HistoryReader.CHUNK);
            if (slice != null) {
                buffered.addAll(slice.updates());
                next = slice.next();
                return;
            }
            oldestCached = history.oldestCached();
        }
        long to = Math.min(end, oldestCached);
        List<ConsumerRecord<String, byte[]>> records = reader.read(next, to);
        if (records.isEmpty()) {
            next = to;
            return;
        }
        for (ConsumerRecord<String, byte[]> record : records) {
            Update update = decoder.apply(record);
            if (update != null && history.dispatched(update.id(), record.offset())) {
                buffered.add(update);
            }
        }
        next = records.getLast().offset() + 1;
    }
}
