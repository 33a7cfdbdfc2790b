package dev.benchpulse.hub;

import dev.benchpulse.hub.testing.MercureHubTestServer;
import java.time.Duration;
import java.util.UUID;

/**
 * The hubs the integration tests share (started once per test JVM, each test using topics of its own), so the suite
 * pays for few Spring contexts.
 */
final class TestHubs {

    static final String ALLOWED_PUBLISH_ORIGIN = "https://publisher.example";
    static final String CORS_ORIGIN = "https://dashboard.example";

    private static MercureHubTestServer open;
    private static MercureHubTestServer secured;

    private TestHubs() {}

    /** Anonymous subscribers allowed, a short heartbeat, a small history, CORS for {@link #CORS_ORIGIN}. */
    static synchronized MercureHubTestServer open() {
        if (open == null) {
            open = MercureHubTestServer.builder()
                    .anonymous(true)
                    .heartbeat(Duration.ofMillis(400))
                    .historySize(20)
                    .corsOrigins(CORS_ORIGIN)
                    .start();
        }
        return open;
    }

    /** Tokens required, active subscriptions on, cookie publishing allowed from {@link #ALLOWED_PUBLISH_ORIGIN}. */
    static synchronized MercureHubTestServer secured() {
        if (secured == null) {
            secured = MercureHubTestServer.builder()
                    .anonymous(false)
                    .subscriptions(true)
                    .publishOrigins(ALLOWED_PUBLISH_ORIGIN)
                    .start();
        }
        return secured;
    }

    /** A topic no other test uses. */
    static String topic() {
        return "https://example.com/books/" + UUID.randomUUID();
    }
}
