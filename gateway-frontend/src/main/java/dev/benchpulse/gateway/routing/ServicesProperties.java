package dev.benchpulse.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the backends live. The hub URL is the full subscription URL (the hub's {@code /.well-known/mercure});
 * browsers always use {@code /.well-known/mercure} on the gateway's origin and the gateway maps it onto that URL.
 *
 * @param runnerUrl base URL of runner-service
 * @param resultsUrl base URL of results-service
 * @param hubUrl the hub's subscription URL
 * @param apiResponseTimeout how long an API call may take before the gateway answers 504 (never applied to the
 *        hub's event streams, which stay open for hours)
 * @param hubInstances the base URLs of the instances of a hub cluster ({@code http://host:port}; a host name that
 *        resolves to several addresses, as a scaled compose service does, is one instance per address); when given,
 *        they replace {@code hubUrl}'s host and subscribers are spread over those that pass their health checks
 */
@ConfigurationProperties("benchpulse.services")
record ServicesProperties(
        @DefaultValue("http://localhost:8081") URI runnerUrl,
        @DefaultValue("http://localhost:8082") URI resultsUrl,

        @DefaultValue("http://localhost:3000/.well-known/mercure")
        URI hubUrl,

        @DefaultValue("60s") Duration apiResponseTimeout,
        @DefaultValue List<String> hubInstances) {

    ServicesProperties {
        hubInstances = hubInstances.stream()
                .flatMap(v -> Arrays.stream(v.split("[\\s,]+")))
                .filter(v -> !v.isBlank())
                .toList();
    }

    /** Whether the hub is a cluster of instances the gateway spreads subscribers over. */
    boolean hubCluster() {
        return !hubInstances.isEmpty();
    }
}
