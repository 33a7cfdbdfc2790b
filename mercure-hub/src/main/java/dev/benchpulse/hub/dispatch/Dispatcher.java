package dev.benchpulse.hub.dispatch;

import dev.benchpulse.hub.settings.HubProperties;
import dev.benchpulse.hub.transport.Transport;
import dev.benchpulse.hub.transport.Transport.Accepted;
import dev.benchpulse.hub.transport.Transport.Batch;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * Fans each batch of updates the transport hands over out to every event loop's {@link LoopGroup}: each loop
 * matches and queues the frames of its own subscribers, so nothing is matched on the transport's thread and no
 * subscriber waits for another loop's. The lock covers only what makes a new group see every batch after the
 * position it starts from (taking a batch's place in order, creating a group); it is never held while matching.
 */
@Component
class Dispatcher implements Transport.Receiver {

    /** Updates handed to the loops and not yet queued by all of them, at most (a batch larger waits for all). */
    static final int MAX_IN_FLIGHT = 50_000;

    private final Object lock = new Object();
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final HubMetrics metrics;
    private final int buffer;
    private volatile LoopGroup[] groups = new LoopGroup[0];
    /** The end of the last batch handed to the groups: where a group created now starts. */
    private long dispatched;

    private volatile boolean closed;

    Dispatcher(HubMetrics metrics, HubProperties properties, Transport transport) {
        this.metrics = metrics;
        this.buffer = properties.dispatch().subscriberBuffer();
        // a group created before the first batch starts where the transport will start handing updates over
        this.dispatched = transport.end();
    }

    /**
     * Waits, on the transport's thread, until the event loops have room for the batch, then hands it to every loop.
     * The updates handed over and not yet queued by every loop are bounded: a transport that reads faster than the
     * loops queue (a Kafka topic read at full speed) waits instead of piling batches up in the loops' task queues.
     */
    @Override
    public void receive(Batch batch) {
        int permits = Math.min(batch.updates().size(), MAX_IN_FLIGHT);
        if (!admit(permits)) {
            return;
        }
        LoopGroup[] targets;
        synchronized (lock) {
            targets = groups;
            dispatched = batch.end();
        }
        if (targets.length == 0) {
            inFlight.release(permits);
            recordLatency(batch.updates());
            return;
        }
        AtomicInteger remaining = new AtomicInteger(targets.length);
        Runnable delivered = () -> {
            if (remaining.decrementAndGet() == 0) {
                inFlight.release(permits);
                recordLatency(batch.updates());
            }
        };
        for (LoopGroup group : targets) {
            group.deliver(batch, delivered);
        }
    }

    /** False when the hub closed while waiting (nothing is dispatched any more). */
    private boolean admit(int permits) {
        try {
            while (!inFlight.tryAcquire(permits, 1, TimeUnit.SECONDS)) {
                if (closed) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void recordLatency(List<Accepted> updates) {
        long now = System.nanoTime();
        updates.forEach(update -> metrics.dispatched(now - update.acceptedNanos()));
    }

    /** The group of the subscribers served by this event loop, created on first use (one per loop, never removed). */
    LoopGroup group(Executor loop) {
        for (LoopGroup group : groups) {
            if (group.loop == loop) {
                return group;
            }
        }
        synchronized (lock) {
            for (LoopGroup group : groups) {
                if (group.loop == loop) {
                    return group;
                }
            }
            LoopGroup group = new LoopGroup(loop, dispatched, metrics, buffer);
            if (closed) {
                group.close();
            }
            LoopGroup[] grown = Arrays.copyOf(groups, groups.length + 1);
            grown[groups.length] = group;
            groups = grown;
            return group;
        }
    }

    /** Every group, for heartbeats. */
    List<LoopGroup> groups() {
        return List.of(groups);
    }

    /** Ends every stream; groups created afterwards end their subscribers' streams at once. */
    void close() {
        LoopGroup[] targets;
        synchronized (lock) {
            closed = true;
            targets = groups;
        }
        for (LoopGroup group : targets) {
            group.close();
        }
    }
}
