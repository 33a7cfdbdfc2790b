package dev.benchpulse.hub.settings;

import dev.benchpulse.contracts.web.ApiHeaders;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Everything an operator can set on the hub; {@code mercure-hub.yml} maps each property to the environment variable
 * named in {@code docs/mercure-hub.md}.
 *
 * @param publisher how publishers' tokens are verified
 * @param subscriber how subscribers' tokens are verified
 * @param anonymous whether subscribers without a token may subscribe (to public updates only)
 * @param subscriptions whether subscription events and the subscriptions API are enabled
 * @param corsOrigins origins allowed to use the hub from a browser ({@code *} for any)
 * @param publishOrigins origins allowed to publish with the authorization cookie ({@code *} for any)
 * @param heartbeat how long a stream may stay silent before the hub sends a comment to keep it open
 * @param historySize how many of the newest updates can be replayed to reconnecting subscribers (kept in memory by the
 *         memory transport; located in the topic by the Kafka transport)
 * @param cookieName the name of the cookie carrying the JWS
 * @param dispatch how updates are fanned out
 * @param limits bounds on the work and connections one client can cause
 * @param trustedProxies proxies (addresses or CIDR blocks) whose {@code X-Forwarded-For} names the client
 * @param transport where updates are kept and shared: in this process's memory, or in a Kafka topic that every
 *         instance of a hub cluster reads
 * @param kafka the Kafka transport's settings
 */
@ConfigurationProperties("mercure")
@Validated
public record HubProperties(
        @DefaultValue Keys publisher,
        @DefaultValue Keys subscriber,
        @DefaultValue("false") boolean anonymous,
        @DefaultValue("false") boolean subscriptions,
        @DefaultValue List<String> corsOrigins,
        @DefaultValue List<String> publishOrigins,
        @DefaultValue("40s") Duration heartbeat,
        @DefaultValue("1000") @PositiveOrZero int historySize,
        @DefaultValue(ApiHeaders.SUBSCRIBER_COOKIE) String cookieName,
        @DefaultValue @Valid Dispatch dispatch,
        @DefaultValue @Valid Limits limits,
        @DefaultValue({"127.0.0.0/8", "::1/128"}) List<String> trustedProxies,
        @DefaultValue("memory") TransportKind transport,
        @DefaultValue @Valid Kafka kafka) {

    public HubProperties {
        corsOrigins = words(corsOrigins);
        publishOrigins = words(publishOrigins);
        trustedProxies = words(trustedProxies);
    }

    /** Lists come from environment variables separated by spaces or commas. */
    private static List<String> words(List<String> values) {
        return values.stream()
                .flatMap(v -> Arrays.stream(v.trim().split("[\\s,]+")))
                .filter(v -> !v.isBlank())
                .toList();
    }

    /**
     * How one kind of token is verified.
     *
     * @param jwtKey the HMAC secret, or the PEM-encoded public key for RSA and EC algorithms
     * @param jwtAlg the JWS algorithm (HS256, HS384, HS512, RS256, RS384, RS512, ES256, ES384, ES512)
     * @param jwksUrl a JWK Set URL to fetch the keys from instead of a fixed key
     * @param jwtKeyPrevious during a key rotation, the key being replaced (same algorithm), accepted beside the new one
     * @param requireExp whether tokens without {@code exp} are refused (Mercure accepts them; they never expire)
     */
    public record Keys(
            @DefaultValue("") String jwtKey,
            @DefaultValue("HS256") String jwtAlg,
            @DefaultValue("") String jwksUrl,
            @DefaultValue("") String jwtKeyPrevious,
            @DefaultValue("false") boolean requireExp) {

        public boolean isConfigured() {
            return !jwtKey.isBlank() || !jwksUrl.isBlank();
        }
    }

    /**
     * @param subscriberBuffer how many updates may wait for one slow subscriber before its stream is closed
     * @param eventLoopThreads Netty event-loop threads serving connections (0: one per CPU core)
     */
    public record Dispatch(
            @DefaultValue("8192") @Positive int subscriberBuffer,
            @DefaultValue("0") @PositiveOrZero int eventLoopThreads) {}

    /**
     * Bounds on what one client can make the hub do; {@code 0} turns a bound off. Selectors of tokens' claims are held
     * to the same bounds as those of the {@code topic} parameters.
     *
     * @param templateLength the most characters a URI template selector may have
     * @param templateExpressions the most expressions ({@code {…}}) a URI template selector may have
     * @param selectors the most topic selectors one subscription (or one claim) may have
     * @param subscriptionsPerAddress the most subscriptions one client address may hold open at once
     * @param subscribers the most subscriptions this instance holds open at once, whoever opens them; unset, the
     *         process's open-file limit less {@link #FILE_RESERVE} (each subscription holds a socket), so that a full
     *         instance answers new subscribers with 503 instead of leaving their connections in the kernel's accept
     *         queue, unaccepted, once the process is out of file descriptors
     */
    public record Limits(
            @DefaultValue("1024") @PositiveOrZero int templateLength,
            @DefaultValue("20") @PositiveOrZero int templateExpressions,
            @DefaultValue("100") @PositiveOrZero int selectors,
            @DefaultValue("1000") @PositiveOrZero int subscriptionsPerAddress,
            @PositiveOrZero Integer subscribers) {

        /** Files kept for everything but subscriptions: jars, logs, Kafka, publish and health requests. */
        public static final int FILE_RESERVE = 500;

        /**
         * The bound on this instance's open subscriptions ({@code 0}: none): the configured one, else the open-file
         * limit ({@code maxOpenFiles}, negative when unknown) less the reserve.
         */
        public int subscribers(long maxOpenFiles) {
            if (subscribers != null) {
                return subscribers;
            }
            return maxOpenFiles <= 0 ? 0 : (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxOpenFiles - FILE_RESERVE));
        }
    }

    /** Where updates are kept and shared. */
    public enum TransportKind {
        /** In this process's memory: one hub on its own. */
        MEMORY,
        /** In a Kafka topic every instance reads: a hub cluster. */
        KAFKA
    }

    /**
     * The Kafka transport: the topic every instance of the cluster reads whole, and is replayed from.
     *
     * @param bootstrapServers the Kafka brokers
     * @param topic the topic (default: the registry's {@code benchpulse.hub-updates.v1}); it must have one partition
     * @param retention how long Kafka keeps updates; set on the topic when the hub starts
     * @param createTopic whether the hub creates the topic when it is missing
     * @param cacheSize how many of the newest updates each instance also keeps decoded in memory, so that the usual
     *         reconnection (a few seconds behind) is replayed without reading Kafka
     * @param linger how long the producer waits to batch concurrent HTTP publishes into one request to Kafka
     * @param startupTimeout the longest wait for Kafka when the hub starts
     * @param properties more Kafka client properties (security settings, for example), for every client of the hub
     */
    public record Kafka(
            @DefaultValue("localhost:9092") String bootstrapServers,
            @DefaultValue("") String topic,
            @DefaultValue("24h") Duration retention,
            @DefaultValue("true") boolean createTopic,
            @DefaultValue("1000") @PositiveOrZero int cacheSize,
            @DefaultValue("2ms") Duration linger,
            @DefaultValue("60s") Duration startupTimeout,
            @DefaultValue Map<String, String> properties) {}
}
