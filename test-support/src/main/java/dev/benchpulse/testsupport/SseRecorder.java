package dev.benchpulse.testsupport;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;

/**
 * A real server-sent-events client (Spring WebClient over Reactor Netty) that keeps every event of one stream,
 * comments (heartbeats) included, for assertions. Close it to drop the connection.
 */
public final class SseRecorder implements AutoCloseable {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT =
            new ParameterizedTypeReference<>() {};

    private final List<ServerSentEvent<String>> received = new CopyOnWriteArrayList<>();
    private final Disposable subscription;
    private volatile HttpStatusCode status;
    private volatile HttpHeaders responseHeaders;
    private volatile Throwable error;
    private volatile boolean completed;

    private SseRecorder(URI uri, Consumer<HttpHeaders> requestHeaders) {
        subscription = WebClient.create()
                .get()
                .uri(uri)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(requestHeaders)
                .exchangeToFlux(response -> {
                    status = response.statusCode();
                    responseHeaders = response.headers().asHttpHeaders();
                    return response.bodyToFlux(EVENT);
                })
                .subscribe(received::add, e -> error = e, () -> completed = true);
    }

    public static SseRecorder subscribe(String uri) {
        return subscribe(URI.create(uri), headers -> {});
    }

    public static SseRecorder subscribe(URI uri, Consumer<HttpHeaders> requestHeaders) {
        return new SseRecorder(uri, requestHeaders);
    }

    /** Events with data (not comments), in arrival order. */
    public List<ServerSentEvent<String>> events() {
        return received.stream()
                .filter(e -> e.data() != null || e.id() != null || e.event() != null)
                .toList();
    }

    /** Comment lines received, heartbeats included. */
    public List<String> comments() {
        return received.stream()
                .filter(e -> e.comment() != null)
                .map(ServerSentEvent::comment)
                .toList();
    }

    public List<String> data() {
        return events().stream().map(ServerSentEvent::data).toList();
    }

    public List<ServerSentEvent<String>> awaitEvents(int count, Duration timeout) {
        await().atMost(timeout).until(() -> events().size() >= count || error != null);
        failIfBroken();
        return events();
    }

    public List<ServerSentEvent<String>> awaitEvents(
            Predicate<ServerSentEvent<String>> filter, int count, Duration timeout) {
        await().atMost(timeout).until(() -> events().stream().filter(filter).count() >= count || error != null);
        failIfBroken();
        return events().stream().filter(filter).toList();
    }

    /** Waits for the response headers and returns the status. */
    public HttpStatusCode awaitStatus(Duration timeout) {
        await().atMost(timeout).until(() -> status != null || error != null);
        failIfBroken();
        return status;
    }

    public HttpHeaders responseHeaders() {
        return responseHeaders;
    }

    public boolean isCompleted() {
        return completed;
    }

    public Throwable error() {
        return error;
    }

    private void failIfBroken() {
        if (error != null) {
            throw new AssertionError("The event stream failed", error);
        }
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
