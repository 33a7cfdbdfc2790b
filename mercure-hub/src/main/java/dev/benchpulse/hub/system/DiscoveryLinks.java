package dev.benchpulse.hub.system;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Adds the discovery header {@code Link: <…/.well-known/mercure>; rel="mercure"} to the hub's responses. */
@Component
class DiscoveryLinks implements WebFilter {

    static final String HUB_PATH = "/.well-known/mercure";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String path = request.getPath().value();
        if (path.startsWith(HUB_PATH) || "/".equals(path)) {
            String origin =
                    request.getURI().getScheme() + "://" + request.getURI().getRawAuthority();
            exchange.getResponse().getHeaders().add(HttpHeaders.LINK, "<" + origin + HUB_PATH + ">; rel=\"mercure\"");
        }
        return chain.filter(exchange);
    }
}
