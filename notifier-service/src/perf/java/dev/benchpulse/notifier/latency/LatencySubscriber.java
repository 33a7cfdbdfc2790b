package dev.benchpulse.notifier.latency;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ByteProcessor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import reactor.core.Disposable;
import reactor.netty.http.client.HttpClient;

/**
 * An SSE client over Reactor Netty that hands every event's id and data, with its arrival {@link System#nanoTime()},
 * to a callback. It reads the stream's lines itself instead of going through WebClient's SSE decoder: ten of them
 * share the 2 cores with the broker, the hub and the notifier, and a browser's work would be done on another machine.
 */
final class LatencySubscriber implements AutoCloseable {

    interface Arrival {

        void received(String id, String data, long nanos);
    }

    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final Disposable subscription;
    private final ByteBuf pending = Unpooled.buffer(4096);
    private String id;
    private String data;

    LatencySubscriber(URI uri, String token, Arrival arrival) {
        subscription = HttpClient.create()
                .headers(headers ->
                        headers.set("Authorization", "Bearer " + token).set("Accept", "text/event-stream"))
                .get()
                .uri(uri)
                .response((response, body) -> {
                    if (response.status().code() != 200) {
                        connected.completeExceptionally(new IllegalStateException("subscribe: " + response.status()));
                    }
                    connected.complete(null);
                    return body;
                })
                .subscribe(chunk -> lines(chunk, arrival), connected::completeExceptionally);
    }

    /** Called on the connection's event loop only. */
    private void lines(ByteBuf chunk, Arrival arrival) {
        pending.writeBytes(chunk);
        int end;
        while ((end = pending.forEachByte(ByteProcessor.FIND_LF)) >= 0) {
            int start = pending.readerIndex();
            String line = pending.toString(start, end - start, StandardCharsets.UTF_8);
            pending.readerIndex(end + 1);
            if (line.isEmpty()) {
                if (id != null) {
                    arrival.received(id, data, System.nanoTime());
                }
                id = null;
                data = null;
            } else if (line.startsWith("id:")) {
                id = line.substring(line.startsWith("id: ") ? 4 : 3);
            } else if (line.startsWith("data:")) {
                String value = line.substring(line.startsWith("data: ") ? 6 : 5);
                data = data == null ? value : data + "\n" + value;
            }
        }
        pending.discardReadBytes();
    }

    void awaitConnected(Duration timeout) throws Exception {
        connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        subscription.dispose();
    }
}
