package dev.benchpulse.hub.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

import io.netty.buffer.ByteBuf;
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
 * every subscriber it is for. Publishing, subscribing and heartbeats take one lock, so every subscriber sees updates
 * in history order and a subscriber that connects while updates are published misses none and sees none twice. The
 * lock is held only to match and to queue an already-encoded frame per subscriber; Netty's event loops do the writing.
 */
@Component
public class Hub {

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayList<Subscriber> subscribers = new ArrayList<>();
    private final List<Subscriber> leftDuringDispatch = new ArrayList<>();
    private final List<SubscriberListener> listeners = new CopyOnWriteArrayList<>();
    private final UpdateHistory history;
    private final HubMetrics metrics;
    private final int buffer;
    private boolean dispatching;
    private volatile boolean open = true;

    Hub(HubProperties properties, HubMetrics metrics) {
        this.history = new UpdateHistory(properties.historySize());
        this.metrics = metrics;
        this.buffer = properties.dispatch().subscriberBuffer();
        metrics.watch(subscribers::size);
    }

    /** Keeps the update for replay and queues it for every subscriber it is for. */
    public void publish(Update update) {
        List<Subscriber> left;
        lock.lock();
        try {
            long start = System.nanoTime();
            history.add(update);
            left = dispatch(update);
            metrics.published(System.nanoTime() - start);
        } finally {
            lock.unlock();
        }
        left.forEach(this::notifyLeft);
    }

    private List<Subscriber> dispatch(Update update) {
        Map<TopicSelector, Boolean> matches = new HashMap<>();
        int delivered = 0;
        dispatching = true;
        try {
            for (int i = 0; i < subscribers.size(); i++) {
                Subscriber subscriber = subscribers.get(i);
                if (subscriber.accepts(update, matches)) {
                    if (subscriber.send(update.frameView())) {
                        delivered++;
                    } else {
                        disconnectSlow(subscriber);
                    }
                }
            }
        } finally {
            dispatching = false;
        }
        metrics.delivered(delivered);
        List<Subscriber> left = new ArrayList<>();
        for (Subscriber subscriber : leftDuringDispatch) {
            if (unregister(subscriber)) {
                left.add(subscriber);
            }
        }
        leftDuringDispatch.clear();
        return left;
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
    public Subscription subscribe(List<TopicSelector> selectors, Claims claims, String lastEventId) {
        if (!open) {
            throw new HubException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE,
                    "The hub is shutting down: reconnect in a moment.");
        }
        Subscriber subscriber = new Subscriber(selectors, claims, buffer);
        String header;
        String replayFrom;
        lock.lock();
        try {
            replayFrom = lastEventId != null ? lastEventId : history.lastId();
            header = lastEventId != null ? history.after(lastEventId).precedingId() : replayFrom;
        } finally {
            lock.unlock();
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
        lock.lock();
        try {
            Map<TopicSelector, Boolean> matches = new HashMap<>();
            for (Update update : history.after(replayFrom).updates()) {
                matches.clear();
                if (subscriber.accepts(update, matches)) {
                    replay.add(update.frameView());
                }
            }
            subscriber.index = subscribers.size();
            subscribers.add(subscriber);
            if (!open) {
                subscriber.sink.tryEmitComplete();
            }
        } finally {
            lock.unlock();
        }
        listeners.forEach(listener -> listener.joined(subscriber));
        return Flux.concat(Flux.fromIterable(replay), subscriber.sink.asFlux());
    }

    private void leave(Subscriber subscriber) {
        lock.lock();
        try {
            if (dispatching) {
                leftDuringDispatch.add(subscriber);
                return;
            }
            if (!unregister(subscriber)) {
                return;
            }
        } finally {
            lock.unlock();
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

    /** Sends a comment to every subscriber that has been sent nothing for {@code idle}. */
    void heartbeat(Duration idle) {
        long now = System.nanoTime();
        lock.lock();
        try {
            for (Subscriber subscriber : subscribers) {
                if (now - subscriber.lastWriteNanos >= idle.toNanos()) {
                    subscriber.send(SseFrames.heartbeat());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Ends every stream and refuses new ones: clients reconnect to the next instance (or to this one restarted). */
    void close() {
        lock.lock();
        try {
            open = false;
            subscribers.forEach(subscriber -> subscriber.sink.tryEmitComplete());
        } finally {
            lock.unlock();
        }
    }

    public List<Subscriber> subscribers() {
        lock.lock();
        try {
            return List.copyOf(subscribers);
        } finally {
            lock.unlock();
        }
    }

    public String lastEventId() {
        lock.lock();
        try {
            return history.lastId();
        } finally {
            lock.unlock();
        }
    }

    public void addListener(SubscriberListener listener) {
        listeners.add(listener);
    }

    /**
     * @param subscriber the new subscriber
     * @param stream the frames to write, opening comment and replay first
     * @param lastEventId the {@code Last-Event-ID} response header: the id of the update before the first one sent
     */
    public record Subscription(Subscriber subscriber, Flux<ByteBuf> stream, String lastEventId) {
    }
}
