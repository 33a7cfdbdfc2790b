package dev.benchpulse.hub.dispatch;

import dev.benchpulse.hub.topic.TopicSelector;
import dev.benchpulse.hub.transport.Transport.Accepted;
import dev.benchpulse.hub.transport.Transport.Batch;
import dev.benchpulse.hub.update.SseFrames;
import dev.benchpulse.hub.update.Update;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The subscribers one event loop serves, and everything done to them: joining, leaving, receiving a batch, heartbeats
 * and the end of their streams. All of it runs as tasks on that loop, in the order the tasks were queued, so the list
 * needs no lock and is never shared with another thread; a subscriber's frames are queued by the one thread that
 * also writes them to its connection. Since batches are queued in the transport's order, a subscriber that joins
 * sits exactly between two batches: it receives live every update from the group's next batch on, and everything
 * before that comes from its replay.
 */
final class LoopGroup {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LoopGroup.class);

    final Executor loop;
    private final HubMetrics metrics;
    private final int buffer;
    private final ArrayList<Subscriber> subscribers = new ArrayList<>();
    /** A position at or before the first update of the next batch this group receives. */
    private long next;

    private boolean closed;

    LoopGroup(Executor loop, long next, HubMetrics metrics, int buffer) {
        this.loop = loop;
        this.next = next;
        this.metrics = metrics;
        this.buffer = buffer;
    }

    /**
     * Adds the subscriber between two batches.
     *
     * @return the position from which the subscriber receives updates live: its replay covers what comes before
     */
    Mono<Long> join(Subscriber subscriber) {
        Sinks.One<Long> joined = Sinks.one();
        run(() -> {
            if (closed) {
                subscriber.sink.tryEmitComplete();
            } else {
                subscriber.index = subscribers.size();
                subscribers.add(subscriber);
            }
            joined.tryEmitValue(next);
        });
        return joined.asMono();
    }

    /** Removes the subscriber in constant time, moving the last one into its place. */
    void leave(Subscriber subscriber) {
        run(() -> {
            int index = subscriber.index;
            if (index < 0) {
                return;
            }
            Subscriber last = subscribers.removeLast();
            if (last != subscriber) {
                subscribers.set(index, last);
                last.index = index;
            }
            subscriber.index = -1;
        });
    }

    /**
     * Queues the batch's updates to each subscriber they are for, as one buffer per subscriber, so Netty writes and
     * flushes them together; subscribers that take every update of the batch share one copy of its frames. Within the batch, each distinct selector is evaluated once per update for the whole
     * group.
     */
    void deliver(Batch batch, Runnable delivered) {
        boolean queued = run(() -> {
            try {
                queue(batch.updates());
            } finally {
                next = batch.end();
                delivered.run();
            }
        });
        if (!queued) {
            delivered.run(); // the loop is gone with its subscribers: nothing waits for it
        }
    }

    private void queue(List<Accepted> updates) {
        List<Map<TopicSelector, Boolean>> matches = new ArrayList<>(updates.size());
        updates.forEach(update -> matches.add(new HashMap<>()));
        int[] matched = new int[updates.size()];
        // every update of the batch in one buffer, built for the first subscriber that takes them all and shared by
        // all such subscribers: one view each instead of a view per update (the usual case: a wildcard selector)
        ByteBuf whole = null;
        long queued = 0;
        for (Subscriber subscriber : subscribers) {
            int count = 0;
            for (int u = 0; u < updates.size(); u++) {
                Accepted accepted = updates.get(u);
                // an update the subscriber has seen may be dispatched after it joined: it resumes after its last one
                if (accepted.position() >= subscriber.from && subscriber.accepts(accepted.update(), matches.get(u))) {
                    matched[count++] = u;
                }
            }
            if (count == 0) {
                continue;
            }
            ByteBuf frame;
            if (count == 1) {
                frame = updates.get(matched[0]).update().frameView();
            } else if (count == updates.size()) {
                if (whole == null) {
                    whole = Update.frames(updates.stream().map(Accepted::update).toList());
                }
                frame = whole.duplicate();
            } else {
                ByteBuf[] views = new ByteBuf[count];
                for (int m = 0; m < count; m++) {
                    views[m] = updates.get(matched[m]).update().frameView();
                }
                frame = Unpooled.wrappedBuffer(views);
            }
            Sinks.EmitResult result = subscriber.send(frame);
            if (result.isSuccess()) {
                queued += count;
            } else if (Subscriber.isFull(result)) {
                // its stream ends now; it leaves the list through the leave task its end queues
                metrics.slowSubscriber();
                subscriber.sink.tryEmitError(new SlowSubscriberException(buffer));
            }
        }
        metrics.delivered(queued);
    }

    /** Sends a comment to every subscriber that has been sent nothing for {@code idle}. */
    void heartbeat(Duration idle) {
        run(() -> {
            long now = System.nanoTime();
            for (Subscriber subscriber : subscribers) {
                if (now - subscriber.lastWriteNanos >= idle.toNanos()) {
                    subscriber.send(SseFrames.heartbeat());
                }
            }
        });
    }

    /** Ends every stream; subscribers joining afterwards end at once. */
    void close() {
        run(() -> {
            closed = true;
            subscribers.forEach(subscriber -> subscriber.sink.tryEmitComplete());
        });
    }

    /** Queues the task on the loop; false when the loop no longer takes tasks. */
    private boolean run(Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            // the loop is shutting down with the server: its connections, and their streams, end with it
            LOG.debug("Event loop gone, task dropped: {}", e.toString());
            return false;
        }
    }
}
