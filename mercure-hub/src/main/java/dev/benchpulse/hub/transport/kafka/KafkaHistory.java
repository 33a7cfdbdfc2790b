package dev.benchpulse.hub.transport.kafka;

import dev.benchpulse.hub.transport.Transport.Resume;
import dev.benchpulse.hub.update.Update;
import dev.benchpulse.hub.update.UpdateHistory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What one instance knows of the topic: the offset of each of the newest updates by id (the replay window, so that a
 * {@code Last-Event-ID} names a position and a repeated id is recognized) and the newest updates themselves, decoded
 * (so that the usual reconnection is replayed without reading Kafka). An update is dispatched, and replayed, only at
 * the offset where its id first appears in the window; since every instance reads the same log in the same order,
 * every instance makes the same choice. Guarded by a lock held only to copy references.
 */
final class KafkaHistory {

    private final ReentrantLock lock = new ReentrantLock();
    private final int size;
    private final Map<String, Long> offsets = new HashMap<>();
    private final ArrayDeque<Indexed> window = new ArrayDeque<>();
    private final Update[] cache;
    private final long[] cached;
    private int cacheHead;
    private int cacheCount;
    /** The offset after the last record read. */
    private long end;

    private record Indexed(String id, long offset) {}

    /** The updates of a slice of the cache, and the position after them. */
    record Slice(List<Update> updates, long next) {}

    KafkaHistory(int size, int cacheSize) {
        this.size = Math.max(0, size);
        int cacheLength = Math.max(0, Math.min(cacheSize, this.size));
        this.cache = new Update[cacheLength];
        this.cached = new long[cacheLength];
    }

    /**
     * Reads the update at {@code offset}; {@code update} may be null when it need not be kept decoded (reading the
     * history at start-up).
     *
     * @return true when it is to be dispatched: its id is not in the window yet
     */
    boolean accept(long offset, String id, Update update) {
        lock.lock();
        try {
            end = offset + 1;
            if (size == 0) {
                return true;
            }
            if (offsets.putIfAbsent(id, offset) != null) {
                return false;
            }
            window.addLast(new Indexed(id, offset));
            if (window.size() > size) {
                Indexed evicted = window.removeFirst();
                offsets.remove(evicted.id(), evicted.offset());
            }
            if (update != null) {
                cache(offset, update);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    private void cache(long offset, Update update) {
        if (cache.length == 0) {
            return;
        }
        int slot = (cacheHead + cacheCount) % cache.length;
        if (cacheCount == cache.length) {
            cacheHead = (cacheHead + 1) % cache.length;
        } else {
            cacheCount++;
        }
        cache[slot] = update;
        cached[slot] = offset;
    }

    /** A record that is not an update (bad in itself) was read at {@code offset}. */
    void skip(long offset) {
        advanceTo(offset + 1);
    }

    void advanceTo(long offset) {
        lock.lock();
        try {
            end = Math.max(end, offset);
        } finally {
            lock.unlock();
        }
    }

    long end() {
        lock.lock();
        try {
            return end;
        } finally {
            lock.unlock();
        }
    }

    boolean contains(String id) {
        lock.lock();
        try {
            return offsets.containsKey(id);
        } finally {
            lock.unlock();
        }
    }

    /** Whether the update with this id read at this offset is one that was dispatched (not a repeat). */
    boolean dispatched(String id, long offset) {
        lock.lock();
        try {
            Long first = offsets.get(id);
            return first != null && first == offset;
        } finally {
            lock.unlock();
        }
    }

    String lastId() {
        lock.lock();
        try {
            return window.isEmpty() ? UpdateHistory.EARLIEST : window.peekLast().id();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Where a subscriber resumes, when this instance knows: after the newest update without an id, after the id when
     * it is in the window, from the window's start for {@value UpdateHistory#EARLIEST}; empty for an id it does not
     * know (too old, or not read yet).
     */
    Optional<Resume> resume(String lastEventId) {
        lock.lock();
        try {
            if (lastEventId == null) {
                return Optional.of(new Resume(
                        end,
                        window.isEmpty()
                                ? UpdateHistory.EARLIEST
                                : window.peekLast().id()));
            }
            if (UpdateHistory.EARLIEST.equals(lastEventId)) {
                return Optional.of(earliestLocked());
            }
            Long offset = offsets.get(lastEventId);
            return offset == null ? Optional.empty() : Optional.of(new Resume(offset + 1, lastEventId));
        } finally {
            lock.unlock();
        }
    }

    /** Every update in the window, and the answer for an id that is not in it. */
    Resume earliest() {
        lock.lock();
        try {
            return earliestLocked();
        } finally {
            lock.unlock();
        }
    }

    private Resume earliestLocked() {
        return new Resume(window.isEmpty() ? end : window.peekFirst().offset(), UpdateHistory.EARLIEST);
    }

    /** The offset of the oldest update kept decoded; {@link #end()} when none is. */
    long oldestCached() {
        lock.lock();
        try {
            return cacheCount == 0 ? end : cached[cacheHead];
        } finally {
            lock.unlock();
        }
    }

    /**
     * At most {@code max} decoded updates at offsets in [{@code from}, {@code to}); null when the cache no longer
     * reaches back to {@code from} (the caller reads Kafka instead).
     */
    Slice cached(long from, long to, int max) {
        lock.lock();
        try {
            if (cacheCount == 0 || from < cached[cacheHead]) {
                return from >= end ? new Slice(List.of(), to) : null;
            }
            int index = firstAtOrAfter(from);
            List<Update> updates = new ArrayList<>();
            for (; index < cacheCount && updates.size() < max; index++) {
                int slot = (cacheHead + index) % cache.length;
                if (cached[slot] >= to) {
                    return new Slice(updates, to);
                }
                updates.add(cache[slot]);
            }
            long next = index < cacheCount && updates.size() == max ? cached[(cacheHead + index) % cache.length] : to;
            return new Slice(updates, Math.min(next, to));
        } finally {
            lock.unlock();
        }
    }

    private int firstAtOrAfter(long offset) {
        int low = 0;
        int high = cacheCount;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cached[(cacheHead + middle) % cache.length] < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Kafka deleted everything before {@code logStart} (retention): those ids can no longer be replayed. */
    void forgetBefore(long logStart) {
        lock.lock();
        try {
            while (!window.isEmpty() && window.peekFirst().offset() < logStart) {
                Indexed evicted = window.removeFirst();
                offsets.remove(evicted.id(), evicted.offset());
            }
            while (cacheCount > 0 && cached[cacheHead] < logStart) {
                cache[cacheHead] = null;
                cacheHead = (cacheHead + 1) % cache.length;
                cacheCount--;
            }
        } finally {
            lock.unlock();
        }
    }
}
