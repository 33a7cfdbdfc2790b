package dev.benchpulse.runner.request;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one requester may ask for ({@code benchpulse.runner.requests.*}).
 *
 * @param maxOperations         the cost ceiling of one run: samples × (warm-up + inner iterations), each sample's
 *                              PHP process also being bounded by {@code benchpulse.runner.execution.sample-timeout}
 * @param maxQueuedPerRequester runs one requester (a user, or a client address in the open mode) may have waiting
 *                              at once; 0 turns the limit off
 * @param resultsUrl            the results service, which knows every queued run ({@code BENCHPULSE_RESULTS_URL})
 * @param queueLookupTimeout    how long counting a requester's queued runs may take
 * @param recentWindow          runs accepted here are counted for this long even before the results service has
 *                              heard of them
 */
@ConfigurationProperties("benchpulse.runner.requests")
record RequestProperties(
        @DefaultValue("100000000000") long maxOperations,
        @DefaultValue("20") int maxQueuedPerRequester,
        @DefaultValue("http://localhost:8082") URI resultsUrl,
        @DefaultValue("5s") Duration queueLookupTimeout,
        @DefaultValue("30s") Duration recentWindow) {
}
