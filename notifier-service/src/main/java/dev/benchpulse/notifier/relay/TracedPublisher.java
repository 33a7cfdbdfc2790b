package dev.benchpulse.notifier.relay;

import dev.benchpulse.notifier.update.MercureUpdate;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Makes each publish to the hub a span of the run's trace: a child of the span current when the relay publishes (the
 * span of the update's event, which the relay restores), covering every attempt of the publish. Its trace context
 * goes to the hub in the request's headers: the HTTP client adds the headers found under {@link #HEADERS} in the
 * Reactor context. One span per update sent, none per event coalesced away: the hot path gains two small objects
 * and a header.
 */
public final class TracedPublisher implements UpdatePublisher {

    /** Reactor context key of the trace headers ({@code Map<String, String>}) for the publish request. */
    public static final String HEADERS = TracedPublisher.class.getName() + ".headers";

    private final UpdatePublisher publisher;
    private final Tracer tracer;
    private final Propagator propagator;

    public TracedPublisher(UpdatePublisher publisher, Tracer tracer, Propagator propagator) {
        this.publisher = publisher;
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Mono<Instant> publish(MercureUpdate update) {
        Span parent = tracer.currentSpan();
        return Mono.defer(() -> {
            Span.Builder builder = tracer.spanBuilder()
                    .name("mercure publish")
                    .kind(Span.Kind.CLIENT)
                    .remoteServiceName("mercure-hub")
                    .tag("benchpulse.update.type", update.type().name());
            Span span = (parent == null ? builder.setNoParent() : builder.setParent(parent.context())).start();
            Map<String, String> headers = new HashMap<>(4);
            propagator.inject(span.context(), headers, Map::put);
            return publisher
                    .publish(update)
                    .contextWrite(context -> context.put(HEADERS, headers))
                    .doOnError(span::error)
                    .doFinally(signal -> span.end());
        });
    }
}
