package dev.benchpulse.notifier.hub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A stand-in HTTP endpoint that records every request and answers with scripted statuses (200 once the script is
 * used up), to test the publisher's requests, retries and timeouts without a hub.
 */
final class RecordingHub implements AutoCloseable {

    record Request(
            String method,
            String path,
            String contentType,
            String authorization,
            String connection,
            String body,
            String traceparent) {

        Map<String, String> form() {
            Map<String, String> form = new LinkedHashMap<>();
            for (String pair : body.split("&")) {
                String[] parts = pair.split("=", 2);
                form.put(decode(parts[0]), parts.length > 1 ? decode(parts[1]) : "");
            }
            return form;
        }

        private static String decode(String value) {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
    }

    private record Reply(int status, Duration delay) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<Reply> script = new ArrayDeque<>();

    private RecordingHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/.well-known/mercure", this::handle);
        server.start();
    }

    static RecordingHub start() {
        try {
            return new RecordingHub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/mercure");
    }

    synchronized RecordingHub reply(int status) {
        return reply(status, Duration.ZERO);
    }

    synchronized RecordingHub reply(int status, Duration delay) {
        script.addLast(new Reply(status, delay));
        return this;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Connection"),
                body,
                exchange.getRequestHeaders().getFirst("traceparent")));
        Reply reply = next();
        try {
            Thread.sleep(reply.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] answer = (reply.status() == 200 ? "urn:uuid:recorded" : "refused").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private synchronized Reply next() {
        Reply reply = script.pollFirst();
        return reply == null ? new Reply(200, Duration.ZERO) : reply;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
