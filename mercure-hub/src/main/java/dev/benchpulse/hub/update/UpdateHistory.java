package dev.benchpulse.hub.update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most recent updates, oldest first, bounded in size, so that a subscriber that reconnects with the id of the
 * last update it saw gets every update it missed. Not thread-safe: the hub uses it under its dispatch lock.
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

    public void add(Update update) {
        if (ring.length == 0) {
            return;
        }
        int slot = (int) (next % ring.length);
        Update evicted = ring[slot];
        if (evicted != null) {
            positions.remove(evicted.id(), next - ring.length);
        }
        ring[slot] = update;
        positions.put(update.id(), next++);
    }

    /** The id of the newest update, or {@value #EARLIEST} when there is none. */
    public String lastId() {
        return next == 0 || ring.length == 0 ? EARLIEST : ring[(int) ((next - 1) % ring.length)].id();
    }

    /**
     * What to replay to a subscriber that saw {@code lastEventId} last: the updates after it, in order. When the id is
     * {@value #EARLIEST} or unknown (too old, or from before a restart) that is every update kept, and the response
     * must then say {@value #EARLIEST} (the protocol's way to tell the subscriber that updates may have been lost).
     */
    public Replay after(String lastEventId) {
        long oldest = Math.max(0, next - ring.length);
        Long position = EARLIEST.equals(lastEventId) ? null : positions.get(lastEventId);
        long from = position == null ? oldest : position + 1;
        List<Update> updates = new ArrayList<>((int) (next - from));
        for (long p = from; p < next; p++) {
            updates.add(ring[(int) (p % ring.length)]);
        }
        return new Replay(updates, position == null ? EARLIEST : lastEventId);
    }

    /**
     * @param updates the updates to send, oldest first
     * @param precedingId the id of the update before the first one sent: the {@code Last-Event-ID} response header
     */
    public record Replay(List<Update> updates, String precedingId) {
    }
}
