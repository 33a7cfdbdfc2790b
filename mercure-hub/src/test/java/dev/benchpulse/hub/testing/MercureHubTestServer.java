package dev.benchpulse.hub.testing;

import dev.benchpulse.hub.MercureHubApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A real Mercure hub (this module's application, Netty and all) started inside a test JVM, on a random port that it
 * keeps across {@link #stop()} and {@link #start()}, so a test can take the hub away and bring it back where clients
 * expect it. Every option is passed explicitly and the hub reads only its own {@code mercure-hub.yml}: the
 * {@code application.yml} of the module under test, environment variables such as {@code MERCURE_ANONYMOUS} and
 * auto-configurations of other libraries on the test class path (Kafka, R2DBC, Spring Cloud…) never reach it.
 *
 * <pre>{@code
 * // test dependencies: dev.benchpulse:mercure-hub and dev.benchpulse:mercure-hub:test-jar (both test scope)
 * MercureHubTestServer hub = MercureHubTestServer.builder()   // random HS256 publisher and subscriber keys
 *         .anonymous(false)                                    // the defaults: no anonymous subscribers,
 *         .heartbeat(Duration.ofSeconds(40))                   // 40 s heartbeat, 1000 updates of history
 *         .start();
 * hub.hubUrl();               // http://127.0.0.1:<port>/.well-known/mercure
 * hub.publisherKey();         // the HS256 secret publishers sign with (MERCURE_PUBLISHER_JWT_KEY)
 * hub.subscriberKey();        // the HS256 secret subscribers sign with (MERCURE_SUBSCRIBER_JWT_KEY)
 * hub.publisherToken();       // a publisher JWT allowed to publish to every topic
 * hub.subscriberToken(RunTopics.TEMPLATE);
 * hub.stop();                 // every stream ends, the port is free
 * hub.start();                // the same hub configuration again, on the same port, with an empty history
 * hub.close();                // stop for good (also AutoCloseable)
 * }</pre>
 *
 * Other options: {@code publisherKey(String)}, {@code subscriberKey(String)}, {@code subscriptions(boolean)},
 * {@code historySize(int)}, {@code corsOrigins(String...)}, {@code publishOrigins(String...)},
 * {@code cookieName(String)}, {@code port(int)}, {@code kafka(bootstrapServers, topic)} (a member of a hub cluster)
 * and {@code property(key, value)} for any {@code mercure.*} or Spring property (see docs/mercure-hub.md).
 */
public final class MercureHubTestServer implements AutoCloseable {

    /**
     * Auto-configurations the hub needs; every other one found on the class path is excluded (tracing too: the hub
     * has none, while the services that start it in their tests do).
     */
    private static final List<String> HUB_AUTO_CONFIGURATION_PACKAGES = List.of(
            "org.springframework.boot.autoconfigure.",
            "org.springframework.boot.jackson.",
            "org.springframework.boot.reactor.",
            "org.springframework.boot.netty.",
            "org.springframework.boot.webflux.autoconfigure.",
            "org.springframework.boot.http.codec.",
            "org.springframework.boot.web.server.",
            "org.springframework.boot.actuate.autoconfigure.",
            "org.springframework.boot.health.",
            "org.springframework.boot.micrometer.metrics.",
            "org.springframework.boot.micrometer.observation.",
            "org.springframework.boot.validation.");

    private final Map<String, String> properties;
    private final String publisherKey;
    private final String subscriberKey;
    private int port;
    private ConfigurableApplicationContext context;

    private MercureHubTestServer(Builder builder) {
        this.properties = new LinkedHashMap<>(builder.properties);
        this.publisherKey = builder.properties.get("mercure.publisher.jwt-key");
        this.subscriberKey = builder.properties.get("mercure.subscriber.jwt-key");
        this.port = builder.port;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the hub (again): on a random port the first time, on the same port afterwards. */
    public synchronized MercureHubTestServer start() {
        if (context != null) {
            return this;
        }
        List<String> args = new ArrayList<>();
        properties.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=" + port);
        args.add("--spring.config.name=" + MercureHubApplication.CONFIG_NAME);
        args.add("--spring.autoconfigure.exclude=" + String.join(",", foreignAutoConfigurations()));
        context = MercureHubApplication.application().run(args.toArray(String[]::new));
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return this;
    }

    /** Stops the hub: streams end, connections close, the port is released (and kept for {@link #start()}). */
    public synchronized void stop() {
        if (context != null) {
            context.close();
            context = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public synchronized boolean isRunning() {
        return context != null && context.isActive();
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code http://127.0.0.1:<port>/.well-known/mercure}: the URL to publish to and subscribe at. */
    public String hubUrl() {
        return baseUrl() + "/.well-known/mercure";
    }

    /** The HMAC secret publishers sign with ({@code null} when the publisher key is a public key or JWK Set). */
    public String publisherKey() {
        return publisherKey;
    }

    /** The HMAC secret subscribers sign with ({@code null} when the subscriber key is a public key or JWK Set). */
    public String subscriberKey() {
        return subscriberKey;
    }

    /** A publisher JWT (HS256, no expiry) allowed to publish to the selectors, every topic when none are given. */
    public String publisherToken(String... selectors) {
        return MercureTokens.hmac(publisherKey).publisher(selectors.length == 0 ? new String[] {"*"} : selectors);
    }

    /** A subscriber JWT (HS256, no expiry) allowed to receive the private updates of the selectors. */
    public String subscriberToken(String... selectors) {
        return MercureTokens.hmac(subscriberKey).subscriber(selectors);
    }

    /** The running hub's Spring context, for tests that look at its beans or metrics. */
    public synchronized ConfigurableApplicationContext context() {
        return context;
    }

    private static List<String> foreignAutoConfigurations() {
        ClassLoader loader = MercureHubTestServer.class.getClassLoader();
        return ImportCandidates.load(AutoConfiguration.class, loader).getCandidates().stream()
                .filter(name -> HUB_AUTO_CONFIGURATION_PACKAGES.stream().noneMatch(name::startsWith))
                .toList();
    }

    /** The hub's options; anything not set keeps the hub's default, never a value from the environment. */
    public static final class Builder {

        private final Map<String, String> properties = new LinkedHashMap<>();
        private int port;

        private Builder() {
            publisherKey(MercureTokens.randomSecret());
            subscriberKey(MercureTokens.randomSecret());
            anonymous(false);
            subscriptions(false);
            heartbeat(Duration.ofSeconds(40));
            historySize(1000);
            corsOrigins();
            publishOrigins();
            cookieName("mercureAuthorization");
            property("mercure.transport", "memory");
            property("server.address", "127.0.0.1");
            property("server.shutdown", "immediate");
            property("spring.main.banner-mode", "off");
        }

        /** The HS256 secret for publishers' tokens (default: a random one). */
        public Builder publisherKey(String secret) {
            return keys("publisher", secret, "HS256", "");
        }

        /** The HS256 secret for subscribers' tokens (default: a random one). */
        public Builder subscriberKey(String secret) {
            return keys("subscriber", secret, "HS256", "");
        }

        /** A PEM public key and its algorithm (e.g. RS256) for {@code publisher} or {@code subscriber} tokens. */
        public Builder publicKey(String kind, String pem, String algorithm) {
            return keys(kind, pem, algorithm, "");
        }

        /** A JWK Set URL for {@code publisher} or {@code subscriber} tokens. */
        public Builder jwksUrl(String kind, String url) {
            return keys(kind, "", "RS256", url);
        }

        private Builder keys(String kind, String key, String algorithm, String jwksUrl) {
            property("mercure." + kind + ".jwt-key", key);
            property("mercure." + kind + ".jwt-alg", algorithm);
            property("mercure." + kind + ".jwt-key-previous", "");
            property("mercure." + kind + ".require-exp", "false");
            return property("mercure." + kind + ".jwks-url", jwksUrl);
        }

        public Builder anonymous(boolean anonymous) {
            return property("mercure.anonymous", String.valueOf(anonymous));
        }

        public Builder subscriptions(boolean subscriptions) {
            return property("mercure.subscriptions", String.valueOf(subscriptions));
        }

        public Builder heartbeat(Duration heartbeat) {
            return property("mercure.heartbeat", heartbeat.toMillis() + "ms");
        }

        public Builder historySize(int size) {
            return property("mercure.history-size", String.valueOf(size));
        }

        public Builder corsOrigins(String... origins) {
            return property("mercure.cors-origins", String.join(",", origins));
        }

        public Builder publishOrigins(String... origins) {
            return property("mercure.publish-origins", String.join(",", origins));
        }

        public Builder cookieName(String name) {
            return property("mercure.cookie-name", name);
        }

        /**
         * A member of a hub cluster: the Kafka transport on these brokers and this topic (one per test keeps tests
         * apart); every instance started with the same two reads the same updates.
         */
        public Builder kafka(String bootstrapServers, String topic) {
            property("mercure.transport", "kafka");
            property("mercure.kafka.bootstrap-servers", bootstrapServers);
            return property("mercure.kafka.topic", topic);
        }

        /** A fixed port instead of a random one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Any other property of the hub, e.g. {@code mercure.dispatch.subscriber-buffer}. */
        public Builder property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        public MercureHubTestServer build() {
            return new MercureHubTestServer(this);
        }

        public MercureHubTestServer start() {
            return build().start();
        }
    }
}
