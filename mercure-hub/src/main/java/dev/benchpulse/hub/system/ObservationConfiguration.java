package dev.benchpulse.hub.system;

import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

/**
 * Keeps event streams out of the {@code http.server.requests} observations: a stream lasts as long as its
 * subscriber, so observing it only holds an observation context per subscriber for hours (heap the hub needs for
 * subscribers) and times nothing useful. Subscribers are counted by {@code mercure.subscribers} instead; publishing
 * and every other request are still observed.
 */
@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

    @Bean
    ObservationPredicate noObservationOfEventStreams() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getMethod() == HttpMethod.GET
                && DiscoveryLinks.HUB_PATH.equals(request.getCarrier().getPath().value()));
    }
}
