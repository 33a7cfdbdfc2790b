package dev.benchpulse.notifier.hub;

import dev.benchpulse.notifier.metrics.NotifierMetrics;
import dev.benchpulse.notifier.relay.TracedPublisher;
import dev.benchpulse.notifier.relay.UpdatePublisher;
import dev.benchpulse.notifier.settings.NotifierProperties;
import dev.benchpulse.support.outage.DependencyOutages;
import io.netty.channel.ChannelOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.core.scheduler.Scheduler;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * The publisher and its HTTP client: connect and response timeouts; a fresh connection per publish by default, or a
 * pool of kept-alive connections ({@code benchpulse.notifier.publish.keep-alive}); the trace context of the publish
 * ({@link TracedPublisher}) in the request's headers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "benchpulse.notifier.hub.transport", havingValue = "http", matchIfMissing = true)
class HubConfiguration {

    @Bean
    PublisherTokens publisherTokens(NotifierProperties properties, Clock clock) {
        NotifierProperties.Jwt jwt = properties.hub().jwt();
        return new PublisherTokens(SigningKeys.from(jwt), jwt, clock);
    }

    @Bean(destroyMethod = "dispose")
    ConnectionProvider hubConnections(NotifierProperties properties) {
        return ConnectionProvider.builder("mercure-hub")
                .maxConnections(properties.publish().maxConnections())
                .pendingAcquireTimeout(properties.publish().responseTimeout())
                // at most one request per run is in flight: let them queue for a connection rather than fail
                .pendingAcquireMaxCount(-1)
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
    }

    @Bean
    UpdatePublisher mercurePublisher(
            NotifierProperties properties,
            ConnectionProvider hubConnections,
            PublisherTokens tokens,
            JsonMapper json,
            Scheduler notifierScheduler,
            NotifierMetrics metrics,
            DependencyOutages outages) {
        NotifierProperties.Publish publish = properties.publish();
        HttpClient http = (publish.keepAlive() ? HttpClient.create(hubConnections) : oneRequestPerConnection())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        publish.connectTimeout().toMillis())
                .responseTimeout(publish.responseTimeout())
                .doOnRequest((request, connection) -> request.currentContextView()
                        .<Map<String, String>>getOrEmpty(TracedPublisher.HEADERS)
                        .ifPresent(trace -> trace.forEach(request::header)));
        return new MercurePublisher(
                http, properties.hub().url(), tokens, json, notifierScheduler, publish, metrics, outages);
    }

    /**
     * A fresh connection per publish that the hub closes after answering ({@code Connection: close}): no kept-alive
     * connection to stall, and the closing side's TIME_WAIT is the hub's, so the notifier does not run out of
     * ephemeral ports.
     */
    private static HttpClient oneRequestPerConnection() {
        return HttpClient.newConnection().keepAlive(false);
    }
}
