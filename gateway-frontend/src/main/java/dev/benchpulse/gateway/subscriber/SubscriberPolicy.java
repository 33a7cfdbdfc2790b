package dev.benchpulse.gateway.subscriber;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Decides who gets a subscriber cookie, and under which subject; the security mode provides it. */
public interface SubscriberPolicy {

    /** The token subject for this visitor, or empty when the visitor may not receive run updates. */
    Mono<String> subject(ServerWebExchange exchange);
}
