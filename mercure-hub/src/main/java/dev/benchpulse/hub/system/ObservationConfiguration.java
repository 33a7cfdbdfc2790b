package dev.benchpulse.hub.system;

import io.micrometer.observation.ObservationPredicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Keeps the hub endpoint out of the {@code http.server.requests} observations. An event stream lasts as long as its
 * subscriber, so observing it only holds an observation context per subscriber for hours (heap the hub needs for
 * subscribers) and times nothing useful; publishing is the hot path, already counted and timed by the hub's own
 * meters ({@code mercure.updates.published}, {@code mercure.dispatch.latency}). Every other request is observed.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

    @Bean
    ObservationPredicate noObservationOfEventStreams() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && DiscoveryLinks.HUB_PATH.equals(request.getCarrier().getPath().value()));
    }
}
