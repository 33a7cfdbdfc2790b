package dev.benchpulse.launcher.e2e;

import static org.awaitility.Awaitility.await;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscribes to the hub through the gateway as the dashboard does: the {@code mercureAuthorization} cookie from
 * {@code GET /}, sent back with an event-stream request on {@code /.well-known/mercure}. Keeps every update (its
 * data parsed as JSON) for assertions.
 */
public final class HubSubscription implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> updates = new CopyOnWriteArrayList<>();
    private final InputStream body;

    private HubSubscription(InputStream body) {
        this.body = body;
        Thread.ofVirtual().name("hub-subscription").start(this::read);
    }

    /** Subscribes to {@code topics} (exact topics or URI templates such as {@code urn:benchpulse:runs:{runId}}). */
    public static HubSubscription open(String gatewayUrl, String... topics) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String cookie = "mercureAuthorization="
                + new ApiClient(URI.create(gatewayUrl), Duration.ofSeconds(30))
                        .subscriberToken()
                        .orElseThrow(() -> new AssertionError("GET / handed out no mercureAuthorization cookie"));
        String query = Stream.of(topics)
                .map(t -> "topic=" + URLEncoder.encode(t, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<InputStream> stream = http.send(
                HttpRequest.newBuilder(URI.create(gatewayUrl + "/.well-known/mercure?" + query))
                        .header("Cookie", cookie)
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            throw new AssertionError("The hub refused the subscription: HTTP " + stream.statusCode());
        }
        return new HubSubscription(stream.body());
    }

    /** Every update received so far, in order. */
    public List<JsonNode> updates() {
        return List.copyOf(updates);
    }

    /** Waits until {@code done} holds for the updates received, and returns them. */
    public List<JsonNode> awaitUpdates(Predicate<List<JsonNode>> done, Duration timeout) {
        await().atMost(timeout).until(() -> done.test(updates()));
        return updates();
    }

    private void read() {
        EventStreamParser parser = new EventStreamParser(event -> updates.add(JSON.readTree(event.data())));
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                parser.line(line);
            }
        } catch (IOException closed) {
            // closed by close()
        }
    }

    @Override
    public void close() throws IOException {
        body.close();
    }
}
