package dev.benchpulse.gateway.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The stand-in runner, results service and hub shared by every gateway test of one JVM (started once, so the
 * Spring test contexts that point at them can be reused).
 */
public final class Backends {

    public static final String HUB_PATH = "/.well-known/mercure";
    /** A subscriber key for tests only; production keys come from the environment. */
    public static final String SUBSCRIBER_KEY = "test-subscriber-key-of-at-least-256-bits-0123456789";

    public static final StubBackend RUNNER = StubBackend.start("runner");
    public static final StubBackend RESULTS = StubBackend.start("results");
    public static final StubBackend HUB = StubBackend.start("hub").stream(HUB_PATH);

    private Backends() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("benchpulse.services.runner-url", RUNNER::url);
        registry.add("benchpulse.services.results-url", RESULTS::url);
        registry.add("benchpulse.services.hub-url", () -> HUB.url() + HUB_PATH);
        registry.add("benchpulse.mercure.jwt-key", () -> SUBSCRIBER_KEY);
    }

    public static void reset() {
        RUNNER.reset();
        RESULTS.reset();
        HUB.reset();
    }
}
