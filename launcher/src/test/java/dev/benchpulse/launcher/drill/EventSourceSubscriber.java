package dev.benchpulse.launcher.drill;

import dev.benchpulse.cli.api.ApiClient;
import dev.benchpulse.cli.run.EventStreamParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Watches every run through the gateway the way the dashboard's page does (assets/js/live.js): one event stream on
 * the template matching all run topics, with the {@code mercureAuthorization} cookie; when the stream breaks it
 * reconnects as EventSource does, with {@code Last-Event-ID} after 3 s, and when the gateway or the hub refuses it
 * (EventSource gives up) it opens a new stream after a growing delay (1 s doubling to 30 s) with {@code lastEventID};
 * updates are de-duplicated by id. Keeps every update for assertions.
 */
final class EventSourceSubscriber implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration BROWSER_RETRY = Duration.ofSeconds(3);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final String gatewayUrl;
    private final String topic;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<JsonNode> updates = new CopyOnWriteArrayList<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger repeats = new AtomicInteger();
    private final Thread thread;
    private volatile boolean open = true;
    private volatile InputStream body;
    private volatile String lastEventId;
    private volatile String cookie;

    private EventSourceSubscriber(String gatewayUrl, String topic) {
        this.gatewayUrl = gatewayUrl;
        this.topic = topic;
        this.thread = Thread.ofPlatform().daemon().name("event-source").start(this::run);
    }

    static EventSourceSubscriber open(String gatewayUrl, String topic) {
        return new EventSourceSubscriber(gatewayUrl, topic);
    }

    private void run() {
        Duration refusedDelay = Duration.ofSeconds(1);
        while (open) {
            Duration wait;
            try {
                int status = stream();
                wait = status == 200 ? BROWSER_RETRY : refusedDelay;
                if (status != 200) {
                    refusedDelay = min(refusedDelay.multipliedBy(2), LONGEST_RETRY);
                } else {
                    refusedDelay = Duration.ofSeconds(1);
                }
            } catch (IOException e) {
                wait = BROWSER_RETRY; // the connection broke or could not be made: EventSource retries
            } catch (InterruptedException e) {
                return;
            }
            pause(wait);
        }
    }

    /** One stream, read to its end; returns the HTTP status it was answered with. */
    private int stream() throws IOException, InterruptedException {
        if (cookie == null) {
            cookie = new ApiClient(URI.create(gatewayUrl), Duration.ofSeconds(10))
                    .subscriberToken()
                    .orElseThrow(() -> new IOException("GET / handed out no mercureAuthorization cookie"));
        }
        String query = "topic=" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/.well-known/mercure?" + query))
                .header("Cookie", "mercureAuthorization=" + cookie)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            if (response.statusCode() == 401) {
                cookie = null;
            }
            return response.statusCode();
        }
        connections.incrementAndGet();
        body = response.body();
        EventStreamParser parser = new EventStreamParser(this::received);
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null && open; line = lines.readLine()) {
                parser.line(line);
            }
        }
        return 200;
    }

    private void received(EventStreamParser.ServerSentEvent event) {
        if (event.id() != null) {
            lastEventId = event.id();
            if (!seen.add(event.id())) {
                repeats.incrementAndGet();
                return;
            }
        }
        updates.add(JSON.readTree(event.data()));
    }

    /** Every update received, each once, in order. */
    List<JsonNode> updates() {
        return List.copyOf(updates);
    }

    /** Whether the run's completed update arrived. */
    boolean sawCompleted(String runId) {
        return updates.stream()
                .anyMatch(u -> runId.equals(u.path("runId").asString())
                        && "benchmark.completed".equals(u.path("type").asString()));
    }

    /** Streams opened so far (the first and every reconnection). */
    int connections() {
        return connections.get();
    }

    /** Updates received again (a replay after a reconnection) and dropped. */
    int repeats() {
        return repeats.get();
    }

    private void pause(Duration wait) {
        try {
            Thread.sleep(wait); // EventSource's reconnection delay: part of what is emulated, not a wait for results
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        InputStream current = body;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        thread.interrupt();
        thread.join(5_000);
    }
}
