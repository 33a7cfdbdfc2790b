package dev.benchpulse.notifier.latency;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import reactor.core.Disposable;

/**
 * An SSE client (WebClient over Reactor Netty, as a browser's EventSource would be served) that hands every event
 * with its arrival {@link System#nanoTime()} to a callback.
 */
final class LatencySubscriber implements AutoCloseable {

    interface Arrival {

        void received(ServerSentEvent<String> event, long nanos);
    }

    private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT =
            new ParameterizedTypeReference<>() {
            };

    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final Disposable subscription;

    LatencySubscriber(URI uri, String token, Arrival arrival) {
        subscription = WebClient.create().get().uri(uri).accept(MediaType.TEXT_EVENT_STREAM)
                .headers(headers -> headers.setBearerAuth(token))
                .exchangeToFlux(response -> {
                    connected.complete(null);
                    return response.bodyToFlux(EVENT);
                })
                .subscribe(event -> {
                    if (event.id() != null) {
                        arrival.received(event, System.nanoTime());
                    }
                }, connected::completeExceptionally);
    }

    void awaitConnected(Duration timeout) throws Exception {
        connected.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
