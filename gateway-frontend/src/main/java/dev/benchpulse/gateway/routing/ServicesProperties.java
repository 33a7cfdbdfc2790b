package dev.benchpulse.gateway.routing;

import java.net.URI;
import java.time.Duration;

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
 */
@ConfigurationProperties("benchpulse.services")
record ServicesProperties(
        @DefaultValue("http://localhost:8081") URI runnerUrl,
        @DefaultValue("http://localhost:8082") URI resultsUrl,
        @DefaultValue("http://localhost:3000/.well-known/mercure") URI hubUrl,
        @DefaultValue("60s") Duration apiResponseTimeout) {
}
