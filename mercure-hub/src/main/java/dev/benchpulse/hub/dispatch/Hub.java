package dev.benchpulse.hub.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

import dev.benchpulse.hub.auth.Claims;
import dev.benchpulse.hub.system.HubException;
import dev.benchpulse.hub.system.HubProperties;
import dev.benchpulse.hub.topic.TopicSelector;
import dev.benchpulse.hub.update.SseFrames;
import dev.benchpulse.hub.update.Update;
import dev.benchpulse.hub.update.UpdateHistory;

/**
 * The heart of the hub: the open subscriptions and the update history, and the fan-out of each published update to
 * every subscriber it is for. A publish only appends the update to the history and to the pending queue (under a
 * short lock) and wakes the dispatcher thread, which takes every pending update at once and, subscriber by subscriber,
 * queues the frames that subscriber should get. Frames for one subscriber are thus queued back to back, so Netty writes
 * and flushes them together: the busier the hub, the larger the batches (no added delay when it is quiet).
 *
 * <p>Ordering: updates get a sequence number when they enter the history; a subscriber registers under both locks and
 * remembers the first sequence it did not get from the replay, so it misses nothing and sees nothing twice, and every
 * subscriber sees updates in history order. The dispatcher only matches and queues already-encoded frames; Netty's
 * event loops do the writing.
 */
@Component
public class Hub {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Hub.class);

    /** Guards the subscribers, dispatching and heartbeats; taken before {@link #historyLock} when both are needed. */
    private final ReentrantLock subscribersLock = new ReentrantLock();
    /** Guards the history, the pending updates and the sequence. */
    private final ReentrantLock historyLock = new ReentrantLock();
    private final ArrayList<Subscriber> subscribers = new ArrayList<>();
    private final List<SubscriberListener> listeners = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private final UpdateHistory history;
    private final HubMetrics metrics;
    private final int buffer;
    private final Thread dispatcher;
    /** Serves subscribers whose connection is not on a Netty event loop (none with Reactor Netty). */
    private final ExecutorService fallbackLoop = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("mercure-fallback").daemon().factory());
    private long nextSequence;
    private volatile boolean open = true;

    Hub(HubProperties properties, HubMetrics metrics) {
        this.history = new UpdateHistory(properties.historySize());
        this.metrics = metrics;
        this.buffer = properties.dispatch().subscriberBuffer();
        metrics.watch(subscribers::size);
        this.dispatcher = Thread.ofPlatform().name("mercure-dispatch").daemon().start(this::dispatchLoop);
    }

    /**
     * Keeps the update for replay and hands it to the dispatcher, which queues it for every subscriber it is for. An
     * update whose id is still in the history is a publisher's retry (its first response was lost): it is not
     * dispatched again, so no subscriber receives it twice.
     *
     * @return false for such a repeated update
     */
    public boolean publish(Update update) {
        historyLock.lock();
        try {
            if (history.contains(update.id())) {
                metrics.repeated();
                return false;
            }
            history.add(update);
            pending.add(new Pending(update, nextSequence++, System.nanoTime()));
        } finally {
            historyLock.unlock();
        }
        metrics.published();
        LockSupport.unpark(dispatcher);
        return true;
    }

    private void dispatchLoop() {
        while (open) {
            try {
                if (!dispatchPending()) {
                    LockSupport.park(this);
                }
            } catch (RuntimeException e) {
                LOG.error("Dispatching failed; the dispatcher goes on with the next updates", e);
            }
        }
    }

    /** Dispatches every pending update; {@code false} when there was none. */
    private boolean dispatchPending() {
        List<Pending> batch;
        Map<Executor, List<Subscriber>> byLoop = new IdentityHashMap<>();
        subscribersLock.lock();
        try {
            historyLock.lock();
            try {
                batch = new ArrayList<>(pending);
                pending.clear();
            } finally {
                historyLock.unlock();
            }
            if (batch.isEmpty()) {
                return false;
            }
            for (Subscriber subscriber : subscribers) {
                byLoop.computeIfAbsent(subscriber.loop, loop -> new ArrayList<>()).add(subscriber);
            }
        } finally {
            subscribersLock.unlock();
        }
        Batch work = new Batch(batch, byLoop.size());
        // Each event loop writes to its own subscribers: the frames go straight to the channel, no hand-over per write.
        byLoop.forEach((loop, group) -> loop.execute(() -> deliver(group, work)));
        if (byLoop.isEmpty()) {
            long now = System.nanoTime();
            batch.forEach(update -> metrics.dispatched(now - update.publishedNanos()));
        }
        return true;
    }

    /** Queues the batch's updates to each subscriber of the group they are for, as one buffer per subscriber. */
    private void deliver(List<Subscriber> group, Batch work) {
        List<Map<TopicSelector, Boolean>> matches = new ArrayList<>(work.updates().size());
        work.updates().forEach(update -> matches.add(new HashMap<>()));
        List<ByteBuf> frames = new ArrayList<>();
        long delivered = 0;
        for (Subscriber subscriber : group) {
            frames.clear();
            for (int u = 0; u < work.updates().size(); u++) {
                Pending pending = work.updates().get(u);
                if (pending.sequence() >= subscriber.fromSequence
                        && subscriber.accepts(pending.update(), matches.get(u))) {
                    frames.add(pending.update().frameView());
                }
            }
            if (frames.isEmpty()) {
                continue;
            }
            ByteBuf frame = frames.size() == 1 ? frames.getFirst() : Unpooled.wrappedBuffer(frames.toArray(ByteBuf[]::new));
            if (subscriber.send(frame)) {
                delivered += frames.size();
            } else if (subscriber.index >= 0) {
                disconnectSlow(subscriber);
            }
        }
        metrics.delivered(delivered);
        if (work.remaining().decrementAndGet() == 0) {
            long now = System.nanoTime();
            work.updates().forEach(update -> metrics.dispatched(now - update.publishedNanos()));
        }
    }

    /** Updates dispatched together, and how many groups of subscribers still have to receive them. */
    private record Batch(List<Pending> updates, AtomicInteger remaining) {

        Batch(List<Pending> updates, int groups) {
            this(updates, new AtomicInteger(groups));
        }
    }

    private void disconnectSlow(Subscriber subscriber) {
        metrics.slowSubscriber();
        subscriber.sink.tryEmitError(new SlowSubscriberException(buffer));
    }

    /**
     * Opens a subscription. The returned stream starts with a comment, replays the updates after
     * {@code lastEventId} (when given), then carries live updates; it ends when the client leaves, when the token
     * expires or when the hub stops.
     */
    public Subscription subscribe(List<TopicSelector> selectors, Claims claims, String lastEventId, Executor loop) {
        if (!open) {
            throw new HubException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "The hub is shutting down: reconnect in a moment.");
        }
        Subscriber subscriber = new Subscriber(selectors, claims, buffer, loop == null ? fallbackLoop : loop);
        String header;
        String replayFrom;
        historyLock.lock();
        try {
            replayFrom = lastEventId != null ? lastEventId : history.lastId();
            header = lastEventId != null ? history.after(lastEventId).precedingId() : replayFrom;
        } finally {
            historyLock.unlock();
        }
        Flux<ByteBuf> stream = Flux.defer(() -> start(subscriber, replayFrom))
                .doFinally(signal -> leave(subscriber));
        if (claims != null && claims.expiresAt() != null) {
            stream = stream.takeUntilOther(Mono.delay(Duration.between(Instant.now(), claims.expiresAt())));
        }
        return new Subscription(subscriber, stream, header);
    }

    private Flux<ByteBuf> start(Subscriber subscriber, String replayFrom) {
        List<ByteBuf> replay = new ArrayList<>();
        replay.add(SseFrames.opening());
        subscribersLock.lock();
        try {
            List<Update> kept;
            historyLock.lock();
            try {
                kept = history.after(replayFrom).updates();
                subscriber.fromSequence = nextSequence;
            } finally {
                historyLock.unlock();
            }
            Map<TopicSelector, Boolean> matches = new HashMap<>();
            for (Update update : kept) {
                matches.clear();
                if (subscriber.accepts(update, matches)) {
                    replay.add(update.frameView());
                }
            }
            subscriber.index = subscribers.size();
            subscribers.add(subscriber);
            if (!open) {
                subscriber.loop.execute(() -> subscriber.sink.tryEmitComplete());
            }
        } finally {
            subscribersLock.unlock();
        }
        listeners.forEach(listener -> listener.joined(subscriber));
        return Flux.concat(Flux.fromIterable(replay), subscriber.sink.asFlux());
    }

    private void leave(Subscriber subscriber) {
        subscribersLock.lock();
        try {
            if (!unregister(subscriber)) {
                return;
            }
        } finally {
            subscribersLock.unlock();
        }
        notifyLeft(subscriber);
    }

    /** Removes in constant time by moving the last subscriber into the leaver's slot. */
    private boolean unregister(Subscriber subscriber) {
        int index = subscriber.index;
        if (index < 0) {
            return false;
        }
        Subscriber last = subscribers.removeLast();
        if (last != subscriber) {
            subscribers.set(index, last);
            last.index = index;
        }
        subscriber.index = -1;
        return true;
    }

    private void notifyLeft(Subscriber subscriber) {
        listeners.forEach(listener -> listener.left(subscriber));
    }

    /** Sends a comment, on its event loop, to every subscriber that has been sent nothing for {@code idle}. */
    void heartbeat(Duration idle) {
        long now = System.nanoTime();
        Map<Executor, List<Subscriber>> idleByLoop = new IdentityHashMap<>();
        subscribersLock.lock();
        try {
            for (Subscriber subscriber : subscribers) {
                if (now - subscriber.lastWriteNanos >= idle.toNanos()) {
                    idleByLoop.computeIfAbsent(subscriber.loop, loop -> new ArrayList<>()).add(subscriber);
                }
            }
        } finally {
            subscribersLock.unlock();
        }
        // A sink accepts frames from one thread at a time: its event loop.
        idleByLoop.forEach((loop, group) -> loop.execute(() -> group.forEach(s -> s.send(SseFrames.heartbeat()))));
    }

    /** Ends every stream and refuses new ones: clients reconnect to the next instance (or to this one restarted). */
    void close() {
        subscribersLock.lock();
        try {
            open = false;
            subscribers.forEach(subscriber -> subscriber.loop.execute(() -> subscriber.sink.tryEmitComplete()));
        } finally {
            subscribersLock.unlock();
        }
        LockSupport.unpark(dispatcher);
        fallbackLoop.shutdown();
    }

    public List<Subscriber> subscribers() {
        subscribersLock.lock();
        try {
            return List.copyOf(subscribers);
        } finally {
            subscribersLock.unlock();
        }
    }

    public String lastEventId() {
        historyLock.lock();
        try {
            return history.lastId();
        } finally {
            historyLock.unlock();
        }
    }

    public void addListener(SubscriberListener listener) {
        listeners.add(listener);
    }

    /** An update waiting for the dispatcher, with its place in the history and when it was published. */
    private record Pending(Update update, long sequence, long publishedNanos) {
    }

    /**
     * @param subscriber the new subscriber
     * @param stream the frames to write, opening comment and replay first
     * @param lastEventId the {@code Last-Event-ID} response header: the id of the update before the first one sent
     */
    public record Subscription(Subscriber subscriber, Flux<ByteBuf> stream, String lastEventId) {
    }
}
