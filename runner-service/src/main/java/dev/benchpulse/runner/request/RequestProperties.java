package dev.benchpulse.runner.request;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bounds on what one run request may ask for ({@code benchpulse.runner.requests}): an anonymous client can send
 * requests, so the work one request queues is capped.
 *
 * @param maxRuns    runs (benchmarks × runtimes) in one request; the whole catalog on every runtime fits
 * @param maxSamples samples (runs × iterations) in one request
 */
@ConfigurationProperties("benchpulse.runner.requests")
record RequestProperties(
        @DefaultValue("5000") int maxRuns,
        @DefaultValue("300000") long maxSamples) {
}
