package dev.benchpulse.hub.dispatch;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;

import io.netty.buffer.ByteBuf;
import reactor.core.publisher.Sinks;

import dev.benchpulse.hub.auth.Claims;
import dev.benchpulse.hub.topic.TopicSelector;
import dev.benchpulse.hub.update.Update;

/**
 * One open event stream: the subscriber's id ({@code urn:uuid:…}), the topic selectors it asked for, the claims of
 * the token it presented ({@code null} when anonymous), and the sink its updates are queued in until Netty writes them.
 */
public final class Subscriber {

    private final String id = "urn:uuid:" + UUID.randomUUID();
    private final List<TopicSelector> selectors;
    private final Claims claims;
    final Sinks.Many<ByteBuf> sink;
    int index = -1;
    /** The first update sequence this subscriber did not get from the replay (guarded by the hub's locks). */
    long fromSequence;
    volatile long lastWriteNanos = System.nanoTime();

    /** The event loop serving the subscriber's connection: the one thread that queues frames into its sink. */
    final Executor loop;

    Subscriber(List<TopicSelector> selectors, Claims claims, int buffer, Executor loop) {
        this.loop = loop;
        this.selectors = selectors;
        this.claims = claims;
        this.sink = Sinks.many().unicast().onBackpressureBuffer(new BoundedQueue<>(buffer));
    }

    public String id() {
        return id;
    }

    public List<TopicSelector> selectors() {
        return selectors;
    }

    /** The {@code mercure.payload} claim of the subscriber's token, or {@code null}. */
    public Object payload() {
        return claims == null ? null : claims.payload();
    }

    /**
     * Whether the update is for this subscriber: one of its selectors matches one of the update's topics and, for a
     * private update, its token's {@code mercure.subscribe} selectors match one of them too. {@code matches} remembers
     * each selector's result for this update, so subscribers sharing a selector share one evaluation.
     */
    boolean accepts(Update update, Map<TopicSelector, Boolean> matches) {
        if (!anyMatches(selectors, update, matches)) {
            return false;
        }
        return !update.isPrivate() || (claims != null && claims.subscribe() != null
                && anyMatches(claims.subscribe(), update, matches));
    }

    private static boolean anyMatches(List<TopicSelector> selectors, Update update, Map<TopicSelector, Boolean> matches) {
        for (TopicSelector selector : selectors) {
            if (selector.isWildcard()) {
                return true;
            }
            Boolean matched = matches.get(selector);
            if (matched == null) {
                matched = selector.matchesAny(update.topics());
                matches.put(selector, matched);
            }
            if (matched) {
                return true;
            }
        }
        return false;
    }

    /** Queues a frame; {@code false} when the subscriber's buffer is full or its stream has ended. */
    boolean send(ByteBuf frame) {
        lastWriteNanos = System.nanoTime();
        return sink.tryEmitNext(frame).isSuccess();
    }
}
