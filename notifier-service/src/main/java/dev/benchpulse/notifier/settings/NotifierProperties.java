package dev.benchpulse.notifier.settings;

import dev.benchpulse.contracts.web.RunTopics;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The notifier's settings ({@code benchpulse.notifier.*}); {@code application.yml} maps the shared environment
 * variables onto them.
 *
 * @param maxProgressPerSecond most progress updates of one run per second (at least 2: one slot is kept for the 100%
 *                             update that precedes a terminal one)
 * @param runIdleTimeout       a run without events for this long is forgotten when nothing of it is pending
 * @param hub                  where updates go and how the notifier proves it may publish
 * @param publish              timeouts, retries and connections of publish requests
 * @param consumer             how far the consumer may run ahead of the oldest undelivered event
 */
@ConfigurationProperties("benchpulse.notifier")
@Validated
public record NotifierProperties(
        @DefaultValue("10") int maxProgressPerSecond,
        @DefaultValue("10m") Duration runIdleTimeout,
        @DefaultValue Hub hub,
        @DefaultValue @Valid Publish publish,
        @DefaultValue @Valid Consumer consumer) {

    public NotifierProperties {
        if (maxProgressPerSecond < 2) {
            throw new IllegalArgumentException("benchpulse.notifier.max-progress-per-second is " + maxProgressPerSecond
                    + " but must be at least 2: one slot per second is kept for the 100% update that precedes "
                    + "completed. Set it to 2 or more.");
        }
    }

    /**
     * @param url       the hub's publish endpoint
     * @param jwt       the publisher JWT's key material and claims
     * @param transport how updates reach the hub: {@code http} (one publish request per update, any Mercure hub) or
     *                  {@code kafka} (produced, batched, straight to the topic a hub cluster reads; only for our hub
     *                  running with {@code MERCURE_TRANSPORT=kafka})
     * @param linger    with {@code kafka}: how long the producer waits to batch updates of several runs together
     */
    public record Hub(
            @DefaultValue("http://localhost:3000/.well-known/mercure")
            URI url,

            @DefaultValue Jwt jwt,
            @DefaultValue("http") HubTransport transport,
            @DefaultValue("5ms") Duration linger) {}

    /** How updates reach the hub. */
    public enum HubTransport {
        /** A publish request per update (Mercure's protocol). */
        HTTP,
        /** Produced straight to the hub cluster's Kafka topic. */
        KAFKA
    }

    /**
     * @param key          shared secret for HS256/HS384/HS512 (the hub's publisher key)
     * @param algorithm    JWS algorithm: HS256 (default), HS384, HS512, RS256, RS384 or RS512
     * @param privateKey   PEM PKCS#8 RSA private key for RS256/RS384/RS512
     * @param publish      topic selectors of the {@code mercure.publish} claim
     * @param ttl          lifetime of a token
     * @param renewBefore  a new token is minted this long before the current one expires
     */
    public record Jwt(
            String key,
            @DefaultValue("HS256") String algorithm,
            String privateKey,
            @DefaultValue(RunTopics.TEMPLATE) List<String> publish,
            @DefaultValue("1h") Duration ttl,
            @DefaultValue("5m") Duration renewBefore) {}

    /**
     * @param connectTimeout  longest wait for a connection to the hub
     * @param responseTimeout longest wait for the hub's response to one request
     * @param retries         retries of one publish before it is parked
     * @param minBackoff      first retry delay, doubled on each retry
     * @param maxBackoff      longest retry delay
     * @param jitter          random share (0–1) of each retry delay
     * @param parkDelay       pause before a parked update is tried again
     * @param keepAlive       reuse pooled connections to the hub (the default); off: each publish opens a connection
     *                        and asks the hub to close it. Reactor Netty 1.3.6 servers (our hub) can stall a
     *                        kept-alive connection (reactor/reactor-netty#4361): the response timeout and a retry
     *                        cover that, and our hub does not dispatch a retried id twice. Fresh connections avoid
     *                        the stall but cost the hub so much that it falls tens of seconds behind at 1,000
     *                        publishes/s (docs/performance.md)
     * @param maxConnections  pooled connections to the hub, with keep-alive
     * @param adaptiveProgress limit the progress updates of all runs in flight to what the hub answers promptly
     *                         (a limit adapting to publish round trips, at most {@code maxConnections}); started,
     *                         completed and failed updates are never limited. Off: only the per-run pace applies
     */
    public record Publish(
            @DefaultValue("1s") Duration connectTimeout,
            @DefaultValue("2s") Duration responseTimeout,
            @DefaultValue("3") @PositiveOrZero int retries,
            @DefaultValue("50ms") Duration minBackoff,
            @DefaultValue("1s") Duration maxBackoff,

            @DefaultValue("0.5") @DecimalMin("0") @DecimalMax("1")
            double jitter,

            @DefaultValue("1s") Duration parkDelay,
            @DefaultValue("true") boolean keepAlive,
            @DefaultValue("64") @Positive int maxConnections,
            @DefaultValue("true") boolean adaptiveProgress) {}

    /**
     * @param maxUncommittedPerPartition events a partition may hold between the oldest undelivered one and the newest
     *                                   read; beyond it the partition is paused until the hub catches up
     * @param commitInterval             how often delivered offsets are committed (0: after every delivery). Each
     *                                   commit is a synchronous broker round trip on the consumer's thread; after a
     *                                   crash, updates delivered in the last interval are published again with the
     *                                   same ids (a hub that keeps history, ours included, does not dispatch them
     *                                   twice)
     */
    public record Consumer(
            @DefaultValue("10000") @Positive int maxUncommittedPerPartition,
            @DefaultValue("100ms") Duration commitInterval) {}
}
