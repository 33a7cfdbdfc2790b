package dev.benchpulse.runner.request;

import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What one request and one requester may ask for ({@code benchpulse.runner.requests.*}): an anonymous client can
 * send requests, so the work one request queues, and the work one requester has waiting, are capped.
 *
 * @param maxRuns               runs (benchmarks × runtimes) in one request; the whole catalog on every runtime fits
 * @param maxSamples            samples (runs × iterations) in one request
 * @param maxOperations         the cost ceiling of one run: samples × (warm-up + inner iterations), each sample's
 *                              PHP process also being bounded by {@code benchpulse.runner.execution.sample-timeout}
 * @param maxQueuedPerRequester runs one requester (a user, or a client address in the open mode) may have waiting
 *                              at once; a request for more (a matrix) is taken only while none of the requester's
 *                              runs wait; 0 turns the limit off
 * @param resultsUrl            the results service, which knows every queued run ({@code BENCHPULSE_RESULTS_URL})
 * @param queueLookupTimeout    how long counting a requester's queued runs may take
 * @param recentWindow          runs accepted here are counted for this long even before the results service has
 *                              heard of them
 */
@ConfigurationProperties("benchpulse.runner.requests")
@Validated
record RequestProperties(
        @DefaultValue("5000") @Positive int maxRuns,
        @DefaultValue("300000") @Positive long maxSamples,
        @DefaultValue("100000000000") @Positive long maxOperations,
        @DefaultValue("20") @PositiveOrZero int maxQueuedPerRequester,
        @DefaultValue("http://localhost:8082") URI resultsUrl,
        @DefaultValue("5s") Duration queueLookupTimeout,
        @DefaultValue("30s") Duration recentWindow) {}
