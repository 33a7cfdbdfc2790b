package dev.benchpulse.cli.api;

import java.net.URI;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every client command shares: where the stack is. */
public final class ApiOptions {

    /**
     * The gateway's port in a stack started with the defaults, the one place it is written: the client looks there
     * unless told otherwise, and the launcher ({@code ./benchpulse up}) takes its default gateway port from here, so
     * the two cannot drift apart.
     */
    public static final int DEFAULT_GATEWAY_PORT = 8080;

    @Option(
            names = "--url",
            paramLabel = "<url>",
            defaultValue = "${env:BENCHPULSE_URL:-http://localhost:" + DEFAULT_GATEWAY_PORT + "}",
            description = "The Benchpulse gateway (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(
            names = "--request-timeout",
            paramLabel = "<seconds>",
            defaultValue = "30",
            description = "How long one HTTP request may take (default: ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    public ApiClient client() {
        return new ApiClient(url, Duration.ofSeconds(requestTimeoutSeconds));
    }
}
