package dev.benchpulse.hub.dispatch;

import dev.benchpulse.hub.auth.Claims;
import dev.benchpulse.hub.problem.HubException;
import dev.benchpulse.hub.settings.HubProperties;
import dev.benchpulse.hub.topic.TopicSelector;
import dev.benchpulse.hub.transport.Transport;
import dev.benchpulse.hub.update.SseFrames;
import dev.benchpulse.hub.update.Update;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the web layer asks of the hub: accept a published update, open a subscription, list the open ones. The work
 * is done by parts with one job each: the {@link Transport} keeps the updates in order and hands them to the
 * {@link Dispatcher}, which fans them out to every event loop's {@link LoopGroup}; {@link Replays} matches the
 * history a new subscriber is owed; the {@link SubscriberRegistry} lists the open subscriptions; {@link Heartbeats}
 * and {@link HubLifecycle} keep streams open and end them.
 *
 * <p>Ordering without a hub-wide lock: every update has a position in the transport's order. A subscriber first
 * learns the position of the first update it is owed (after its {@code Last-Event-ID}), then joins its loop's group
 * between two batches, which tells it the position its live updates start from; its replay is every kept update
 * between the two. Live updates before the first it is owed are skipped. Its stream is the replay, then the live
 * updates queued meanwhile, so it misses nothing, sees nothing twice and sees everything in order, while publishing
 * and dispatching to others go on.
 */
@Component
public class Hub {

    private final Transport transport;
    private final Dispatcher dispatcher;
    private final Replays replays;
    private final SubscriberRegistry registry;
    private final HubMetrics metrics;
    private final int buffer;
    /** Serves subscribers whose connection is not on a Netty event loop (none with Reactor Netty). */
    private final ExecutorService fallbackLoop = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("mercure-fallback").daemon().factory());

    private volatile boolean open = true;

    Hub(
            Transport transport,
            Dispatcher dispatcher,
            Replays replays,
            SubscriberRegistry registry,
            HubMetrics metrics,
            HubProperties properties) {
        this.transport = transport;
        this.dispatcher = dispatcher;
        this.replays = replays;
        this.registry = registry;
        this.metrics = metrics;
        this.buffer = properties.dispatch().subscriberBuffer();
    }

    /**
     * Hands the update to the transport, which keeps it for replay and for the dispatcher. An update whose id is
     * still kept is a publisher's retry: it is not dispatched again, so no subscriber receives it twice.
     *
     * @return emits false for such a repeated update, true once the update is stored; fails when it could not be
     *         stored (the transport's storage is unavailable: the publisher should retry)
     */
    public Mono<Boolean> publish(Update update) {
        return Mono.fromFuture(() -> transport.append(update), true).doOnNext(accepted -> {
            if (accepted) {
                metrics.published();
            } else {
                metrics.repeated();
            }
        });
    }

    /**
     * Opens a subscription once the transport knows where it resumes. The stream starts with a comment, replays the
     * updates after {@code lastEventId} (when given; else those published while the subscription opens), then carries
     * live updates; it ends when the client leaves, when the token expires or when the hub stops.
     */
    public Mono<Subscription> subscribe(
            List<TopicSelector> selectors, Claims claims, String lastEventId, Executor loop) {
        if (!open) {
            return Mono.error(new HubException(
                    HttpStatus.SERVICE_UNAVAILABLE, "The hub is shutting down: reconnect in a moment."));
        }
        return Mono.fromFuture(() -> transport.resume(lastEventId), true)
                .map(resume -> open(selectors, claims, loop, resume));
    }

    private Subscription open(List<TopicSelector> selectors, Claims claims, Executor loop, Transport.Resume resume) {
        Subscriber subscriber =
                new Subscriber(selectors, claims, buffer, loop == null ? fallbackLoop : loop, resume.from());
        LoopGroup group = dispatcher.group(subscriber.loop);
        Flux<ByteBuf> stream = Flux.defer(() -> {
                    registry.add(subscriber);
                    Flux<ByteBuf> replay = group.join(subscriber).flatMapMany(end -> replays.of(subscriber, end));
                    return Flux.concat(Flux.just(SseFrames.opening()), replay, subscriber.sink.asFlux());
                })
                .doFinally(signal -> {
                    group.leave(subscriber);
                    registry.remove(subscriber);
                });
        if (claims != null && claims.expiresAt() != null) {
            stream = stream.takeUntilOther(Mono.delay(Duration.between(Instant.now(), claims.expiresAt())));
        }
        return new Subscription(subscriber, stream, resume.precedingId());
    }

    /** Ends every stream and refuses new ones: clients reconnect to the next instance (or to this one restarted). */
    void close() {
        open = false;
        dispatcher.close();
        fallbackLoop.shutdown();
    }

    public List<Subscriber> subscribers() {
        return registry.all();
    }

    public String lastEventId() {
        return transport.lastId();
    }

    public void addListener(SubscriberListener listener) {
        registry.addListener(listener);
    }

    /**
     * @param subscriber the new subscriber
     * @param stream the frames to write, opening comment and replay first
     * @param lastEventId the {@code Last-Event-ID} response header: the id of the update before the first one sent
     */
    public record Subscription(Subscriber subscriber, Flux<ByteBuf> stream, String lastEventId) {}
}
