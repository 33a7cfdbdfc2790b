package dev.benchpulse.gateway.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A real HTTP server on a random port standing in for a backend service: it records every request and answers
 * with a fixed response per path (or a default naming the backend). Paths registered as streams answer with a
 * server-sent-event stream whose chunks the test pushes one by one, each flushed at once.
 */
public final class StubBackend implements AutoCloseable {

    /** One request as the backend saw it. */
    public record Received(String method, String uri, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private record Stub(int status, String contentType, String body) {}

    private final String name;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Stub> stubs = new ConcurrentHashMap<>();
    private final Map<String, Sinks.Many<String>> streams = new ConcurrentHashMap<>();
    private final DisposableServer server;

    private StubBackend(String name) {
        this.name = name;
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(this::handle)
                .bindNow();
    }

    public static StubBackend start(String name) {
        return new StubBackend(name);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.port());
    }

    public StubBackend stub(String path, int status, String contentType, String body) {
        stubs.put(path, new Stub(status, contentType, body));
        return this;
    }

    /** Makes {@code path} an event stream; {@link #push} sends a chunk to every open stream. */
    public StubBackend stream(String path) {
        streams.put(path, Sinks.many().multicast().directBestEffort());
        return this;
    }

    public void push(String path, String chunk) {
        streams.get(path).emitNext(chunk, Sinks.EmitFailureHandler.FAIL_FAST);
    }

    /** Ends every open stream of the path, as a dropped connection would; later subscribers get a new stream. */
    public void endStreams(String path) {
        streams.put(path, Sinks.many().multicast().directBestEffort()).tryEmitComplete();
    }

    public int subscribers(String path) {
        return streams.get(path).currentSubscriberCount();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Received last() {
        return received.getLast();
    }

    public void reset() {
        received.clear();
        stubs.clear();
    }

    private Mono<Void> handle(HttpServerRequest request, HttpServerResponse response) {
        String path = URI.create(request.uri()).getPath();
        return request.receive()
                .aggregate()
                .asString(StandardCharsets.UTF_8)
                .defaultIfEmpty("")
                .flatMap(body -> {
                    received.add(new Received(
                            request.method().name(), request.uri(), headers(request.requestHeaders()), body));
                    Sinks.Many<String> stream = streams.get(path);
                    if (stream != null) {
                        Flux<ByteBuf> chunks = Flux.concat(Mono.just(":\n\n"), stream.asFlux())
                                .map(chunk -> Unpooled.copiedBuffer(chunk, StandardCharsets.UTF_8));
                        return response.header("Content-Type", "text/event-stream")
                                .send(chunks, chunk -> true)
                                .then();
                    }
                    Stub stub = stubs.getOrDefault(
                            path, new Stub(200, "application/json", "{\"backend\":\"" + name + "\"}"));
                    return response.status(stub.status())
                            .header("Content-Type", stub.contentType())
                            .sendString(Mono.just(stub.body()))
                            .then();
                });
    }

    private static Map<String, String> headers(HttpHeaders headers) {
        Map<String, String> copy = new ConcurrentHashMap<>();
        headers.forEach(e -> copy.merge(e.getKey().toLowerCase(), e.getValue(), (a, b) -> a + ", " + b));
        return copy;
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
