package dev.benchpulse.hub.update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most recent updates, oldest first, bounded in size, so that a subscriber that reconnects with the id of the
 * last update it saw gets every update it missed. Every update added gets the next position (0, 1, 2…), kept after
 * the update itself is evicted. Not thread-safe: the in-memory transport uses it under its lock.
 */
public final class UpdateHistory {

    /** The id a subscriber sends to ask for every update the hub still has. */
    public static final String EARLIEST = "earliest";

    private final Update[] ring;
    private final Map<String, Long> positions = new HashMap<>();
    private long next;

    public UpdateHistory(int size) {
        this.ring = new Update[Math.max(size, 0)];
    }

    /** Whether an update with this id is still kept. */
    public boolean contains(String id) {
        return positions.containsKey(id);
    }

    /** Keeps the update, evicting the oldest when full, and returns its position. */
    public long add(Update update) {
        if (ring.length == 0) {
            return next++;
        }
        int slot = (int) (next % ring.length);
        Update evicted = ring[slot];
        if (evicted != null) {
            positions.remove(evicted.id(), next - ring.length);
        }
        ring[slot] = update;
        positions.put(update.id(), next);
        return next++;
    }

    /** The position the next update added will get. */
    public long end() {
        return next;
    }

    /** The id of the newest update, or {@value #EARLIEST} when there is none. */
    public String lastId() {
        return next == 0 || ring.length == 0 ? EARLIEST : ring[(int) ((next - 1) % ring.length)].id();
    }

    /**
     * Where a subscriber that saw {@code lastEventId} last resumes: the position after that update, or {@code 0}
     * (every update kept) when the id is {@value #EARLIEST} or unknown (too old, or from before a restart).
     */
    public long resumeAfter(String lastEventId) {
        Long position = EARLIEST.equals(lastEventId) ? null : positions.get(lastEventId);
        return position == null ? 0 : position + 1;
    }

    /** The updates still kept at positions from {@code from} (included) to {@code end} (excluded), oldest first. */
    public List<Update> between(long from, long end) {
        long first = Math.max(from, Math.max(0, next - ring.length));
        long to = Math.min(end, next);
        List<Update> updates = new ArrayList<>((int) Math.max(0, to - first));
        for (long p = first; p < to; p++) {
            updates.add(ring[(int) (p % ring.length)]);
        }
        return updates;
    }

    /**
     * What to replay to a subscriber that saw {@code lastEventId} last: the updates after it, in order. When the id is
     * {@value #EARLIEST} or unknown that is every update kept, and the response must then say {@value #EARLIEST}
     * (the protocol's way to tell the subscriber that updates may have been lost).
     */
    public Replay after(String lastEventId) {
        long from = resumeAfter(lastEventId);
        return new Replay(between(from, next), from == 0 ? EARLIEST : lastEventId);
    }

    /**
     * @param updates the updates to send, oldest first
     * @param precedingId the id of the update before the first one sent: the {@code Last-Event-ID} response header
     */
    public record Replay(List<Update> updates, String precedingId) {}
}
