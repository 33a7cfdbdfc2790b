package dev.benchpulse.gateway.subscriber;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps the subscriber cookie valid on the way to the hub. Runs after Spring Security, so it knows who is
 * signed in.
 */
@Component
class HubCookieFilter implements WebFilter, Ordered {

    private final SubscriberCookies cookies;

    HubCookieFilter(SubscriberCookies cookies) {
        this.cookies = cookies;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith(SubscriberCookies.PATH)) {
            return chain.filter(exchange);
        }
        return cookies.renew(exchange).flatMap(chain::filter);
    }

    @Override
    public int getOrder() {
        return 0;
    }
}
