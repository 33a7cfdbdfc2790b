package dev.benchpulse.hub.transport;

import dev.benchpulse.hub.settings.HubProperties;
import dev.benchpulse.hub.update.Update;
import dev.benchpulse.hub.update.UpdateHistory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The transport of a hub on its own: the bounded history in memory (positions are the history's sequence numbers)
 * and a thread that hands every update accepted meanwhile to the dispatcher at once, so the busier the hub, the
 * larger the batches, with no added delay when it is quiet. The lock guards the history and the updates waiting for
 * that thread; it is held only to copy references, never while anything is matched or sent.
 */
public class MemoryTransport implements Transport {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MemoryTransport.class);

    private final ReentrantLock lock = new ReentrantLock();
    private final UpdateHistory history;
    private final ArrayDeque<Accepted> pending = new ArrayDeque<>();
    private volatile Thread deliverer;
    private volatile boolean open = true;

    public MemoryTransport(HubProperties properties) {
        this.history = new UpdateHistory(properties.historySize());
    }

    @Override
    public CompletableFuture<Boolean> append(Update update) {
        lock.lock();
        try {
            if (history.contains(update.id())) {
                return CompletableFuture.completedFuture(false);
            }
            pending.add(new Accepted(update, history.add(update), System.nanoTime()));
        } finally {
            lock.unlock();
        }
        LockSupport.unpark(deliverer);
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public void start(Receiver receiver) {
        deliverer = Thread.ofPlatform().name("mercure-dispatch").daemon().start(() -> deliver(receiver));
    }

    private void deliver(Receiver receiver) {
        while (open) {
            try {
                Batch batch = take();
                if (batch == null) {
                    LockSupport.park(this);
                } else {
                    receiver.receive(batch);
                }
            } catch (RuntimeException e) {
                LOG.error("Dispatching failed; the dispatcher goes on with the next updates", e);
            }
        }
    }

    /** Every update waiting, or {@code null} when none is. */
    private Batch take() {
        lock.lock();
        try {
            if (pending.isEmpty()) {
                return null;
            }
            List<Accepted> updates = new ArrayList<>(pending);
            pending.clear();
            return new Batch(updates, history.end());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long end() {
        lock.lock();
        try {
            return history.end();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CompletableFuture<Resume> resume(String lastEventId) {
        lock.lock();
        try {
            if (lastEventId == null) {
                return CompletableFuture.completedFuture(new Resume(history.end(), history.lastId()));
            }
            long from = history.resumeAfter(lastEventId);
            return CompletableFuture.completedFuture(
                    new Resume(from, from == 0 ? UpdateHistory.EARLIEST : lastEventId));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Update> replay(long from, long end) {
        lock.lock();
        try {
            return history.between(from, end);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String lastId() {
        lock.lock();
        try {
            return history.lastId();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        open = false;
        LockSupport.unpark(deliverer);
    }
}
