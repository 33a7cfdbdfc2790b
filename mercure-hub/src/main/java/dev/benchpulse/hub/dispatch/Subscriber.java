package dev.benchpulse.hub.dispatch;

import dev.benchpulse.hub.auth.Claims;
import dev.benchpulse.hub.topic.TopicSelector;
import dev.benchpulse.hub.update.Update;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import reactor.core.publisher.Sinks;

/**
 * One open event stream: the subscriber's id ({@code urn:uuid:…}), the topic selectors it asked for, the claims of
 * the token it presented ({@code null} when anonymous), and the sink its updates are queued in until Netty writes them.
 */
public final class Subscriber {

    private final String id = "urn:uuid:" + UUID.randomUUID();
    private final List<TopicSelector> selectors;
    private final Claims claims;
    final Sinks.Many<ByteBuf> sink;
    /** Where the subscriber sits in its {@link LoopGroup}, {@code -1} outside it; touched by its event loop only. */
    int index = -1;

    volatile long lastWriteNanos = System.nanoTime();

    /** The event loop serving the subscriber's connection: the one thread that queues frames into its sink. */
    final Executor loop;
    /** The position of the first update the subscriber is owed: it has seen every earlier one, or asked for none. */
    final long from;

    Subscriber(List<TopicSelector> selectors, Claims claims, int buffer, Executor loop, long from) {
        this.loop = loop;
        this.from = from;
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
     * each selector's result for this update, so subscribers sharing a selector share one evaluation ({@code null}:
     * nothing to share, as in a replay).
     */
    boolean accepts(Update update, Map<TopicSelector, Boolean> matches) {
        if (!anyMatches(selectors, update, matches)) {
            return false;
        }
        return !update.isPrivate()
                || (claims != null && claims.subscribe() != null && anyMatches(claims.subscribe(), update, matches));
    }

    private static boolean anyMatches(
            List<TopicSelector> selectors, Update update, Map<TopicSelector, Boolean> matches) {
        for (TopicSelector selector : selectors) {
            if (selector.isWildcard()) {
                return true;
            }
            Boolean matched = matches == null ? null : matches.get(selector);
            if (matched == null) {
                matched = selector.matchesAny(update.topics());
                if (matches != null) {
                    matches.put(selector, matched);
                }
            }
            if (matched) {
                return true;
            }
        }
        return false;
    }

    /** Queues a frame; see {@link #isFull} for what a failure means. */
    Sinks.EmitResult send(ByteBuf frame) {
        lastWriteNanos = System.nanoTime();
        return sink.tryEmitNext(frame);
    }

    /**
     * Whether a failed {@link #send} found the buffer full. While the stream still writes the replay, nothing reads
     * the buffer yet and a full one answers {@code FAIL_ZERO_SUBSCRIBER} rather than {@code FAIL_OVERFLOW}; the other
     * failures mean the stream has ended.
     */
    static boolean isFull(Sinks.EmitResult result) {
        return result == Sinks.EmitResult.FAIL_OVERFLOW || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER;
    }
}
