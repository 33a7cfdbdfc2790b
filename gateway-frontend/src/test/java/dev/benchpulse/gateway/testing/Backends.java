package dev.benchpulse.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The stand-in runner, results service and hub shared by every gateway test of one JVM (started once, so the
 * Spring test contexts that point at them can be reused).
 */
public final class Backends {

    public static final String HUB_PATH = "/.well-known/mercure";
    /** A subscriber key for tests only; production keys come from the environment. */
    public static final String SUBSCRIBER_KEY = "test-subscriber-key-of-at-least-256-bits-0123456789";
    /** The identity key for tests only, shared with the stand-in services that check what the gateway signs. */
    public static final String IDENTITY_KEY = "test-identity-key-of-at-least-256-bits-0123456789a";

    public static final Duration API_TIMEOUT = Duration.ofSeconds(2);

    public static final StubBackend RUNNER = StubBackend.start("runner");
    public static final StubBackend RESULTS = StubBackend.start("results");
    public static final StubBackend HUB = StubBackend.start("hub").stream(HUB_PATH);

    private Backends() {}

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("benchpulse.services.runner-url", RUNNER::url);
        registry.add("benchpulse.services.results-url", RESULTS::url);
        registry.add("benchpulse.services.hub-url", () -> HUB.url() + HUB_PATH);
        registry.add("benchpulse.mercure.jwt-key", () -> SUBSCRIBER_KEY);
        registry.add("benchpulse.identity.key", () -> IDENTITY_KEY);
        // Every test of a JVM comes from 127.0.0.1: generous limits here, RateLimitIntegrationTests tests them.
        registry.add("benchpulse.limits.run-requests.capacity", () -> "10000");
        registry.add("benchpulse.limits.calibrations.capacity", () -> "10000");
        registry.add("benchpulse.limits.sign-in.capacity", () -> "10000");
        // Short, so a test can show that event streams are not cut by it.
        registry.add("benchpulse.services.api-response-timeout", () -> API_TIMEOUT.toString());
    }

    /** A port nothing listens on, for a backend that is down. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void reset() {
        RUNNER.reset();
        RESULTS.reset();
        HUB.reset();
    }
}
