package dev.benchpulse.testsupport;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * A server-sent-events client that behaves like a browser's {@code EventSource}: when its stream ends or fails it
 * connects again after a short delay, sending the id of the last event it received as {@code Last-Event-ID}, so a
 * hub that replays history gives it exactly what it missed. With several URLs it tries them in turn (as a browser
 * behind a load balancer reaches whichever instance is up). It keeps every event, so tests can count each update
 * at each client and find any missed or repeated one.
 */
public final class EventSourceClient implements AutoCloseable {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT =
            new ParameterizedTypeReference<>() {};

    private final List<URI> urls;
    private final Consumer<HttpHeaders> requestHeaders;
    private final Duration retry;
    private final WebClient client = WebClient.create();
    private final List<ServerSentEvent<String>> events = new CopyOnWriteArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private volatile String lastEventId;
    private volatile boolean closed;
    private volatile Disposable current;

    private EventSourceClient(List<URI> urls, Consumer<HttpHeaders> requestHeaders, Duration retry) {
        this.urls = List.copyOf(urls);
        this.requestHeaders = requestHeaders;
        this.retry = retry;
        connect();
    }

    /** Connects to the first URL now, and to the next one (round robin) each time it reconnects. */
    public static EventSourceClient open(List<String> urls, Consumer<HttpHeaders> requestHeaders, Duration retry) {
        return new EventSourceClient(urls.stream().map(URI::create).toList(), requestHeaders, retry);
    }

    private void connect() {
        if (closed) {
            return;
        }
        URI uri = urls.get(Math.floorMod(attempts.getAndIncrement(), urls.size()));
        String resumeFrom = lastEventId;
        current = client.get()
                .uri(uri)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> {
                    requestHeaders.accept(headers);
                    if (resumeFrom != null) {
                        headers.set("Last-Event-ID", resumeFrom);
                    }
                })
                .exchangeToFlux(response -> {
                    if (!response.statusCode().is2xxSuccessful()) {
                        return response.releaseBody()
                                .thenMany(Flux.error(new IllegalStateException("answered " + response.statusCode())));
                    }
                    opened.incrementAndGet();
                    return response.bodyToFlux(EVENT);
                })
                .subscribe(this::received, error -> reconnect(), this::reconnect);
    }

    private void received(ServerSentEvent<String> event) {
        if (event.id() != null) {
            lastEventId = event.id();
        }
        if (event.data() != null || event.id() != null) {
            events.add(event);
        }
    }

    private void reconnect() {
        if (!closed) {
            Schedulers.parallel().schedule(this::connect, retry.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /** The ids of the events received, in order, across every connection. */
    public List<String> ids() {
        return events.stream().map(ServerSentEvent::id).toList();
    }

    /** The data of the events received, in order. */
    public List<String> data() {
        return events.stream().map(ServerSentEvent::data).toList();
    }

    /** Ids received more than once. */
    public Set<String> repeatedIds() {
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new HashSet<>();
        ids().forEach(id -> {
            if (!seen.add(id)) {
                repeated.add(id);
            }
        });
        return repeated;
    }

    /** How many times it connected, answered 2xx or not, the first included. */
    public int attempts() {
        return attempts.get();
    }

    /** How many streams were opened (answered 2xx), the first included. */
    public int streamsOpened() {
        return opened.get();
    }

    @Override
    public void close() {
        closed = true;
        Disposable stream = current;
        if (stream != null) {
            stream.dispose();
        }
    }
}
