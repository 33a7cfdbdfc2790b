package dev.benchpulse.cli.run;

import dev.benchpulse.cli.api.ApiClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The live updates of some runs, from the Mercure hub through the gateway, the way the dashboard gets them: a
 * subscriber token from the gateway's {@code mercureAuthorization} cookie, one subscription for every run's topic,
 * starting from the earliest update the hub still has so nothing published before the subscription is missed.
 */
final class MercureStream implements AutoCloseable {

    private final InputStream body;
    private final Thread reader;

    private MercureStream(InputStream body, Consumer<JsonNode> onUpdate) {
        this.body = body;
        this.reader = Thread.ofVirtual().name("mercure-stream").start(() -> read(onUpdate));
    }

    /**
     * Subscribes to {@code topics}, with the token the gateway hands out if it does (without one, the gateway may
     * still add it on the way to the hub); empty when the hub refuses the subscription.
     */
    static Optional<MercureStream> open(ApiClient client, List<String> topics, Consumer<JsonNode> onUpdate) {
        Optional<String> token = client.subscriberToken();
        String query = topics.stream()
                .map(t -> "topic=" + URLEncoder.encode(t, StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return client.stream(client.resolve("/.well-known/mercure?" + query + "&lastEventID=earliest"), token)
                    .map(body -> new MercureStream(body, onUpdate));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void read(Consumer<JsonNode> onUpdate) {
        EventStreamParser parser = new EventStreamParser(event -> {
            try {
                onUpdate.accept(ApiClient.JSON.readTree(event.data()));
            } catch (RuntimeException notJson) {
                // not an update of ours
            }
        });
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                parser.line(line);
            }
        } catch (IOException closed) {
            // closed by close(), or the connection dropped: the watcher polls the API either way
        }
    }

    boolean isOpen() {
        return reader.isAlive();
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // closing anyway
        }
        reader.interrupt();
    }
}
