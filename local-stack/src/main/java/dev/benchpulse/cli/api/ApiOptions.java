package dev.benchpulse.cli.api;

import java.net.URI;
import java.time.Duration;

import picocli.CommandLine.Option;

/** The options every client command shares: where the stack is. */
public final class ApiOptions {

    @Option(names = "--url", paramLabel = "<url>", defaultValue = "${env:BENCHPULSE_URL:-http://localhost:8080}",
            description = "The Benchpulse gateway (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--request-timeout", paramLabel = "<seconds>", defaultValue = "30",
            description = "How long one HTTP request may take (default: ${DEFAULT-VALUE}).")
    int requestTimeoutSeconds;

    public ApiClient client() {
        return new ApiClient(url, Duration.ofSeconds(requestTimeoutSeconds));
    }
}
