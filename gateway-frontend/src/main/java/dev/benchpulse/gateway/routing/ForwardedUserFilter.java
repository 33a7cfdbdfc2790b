package dev.benchpulse.gateway.routing;

import java.security.Principal;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.benchpulse.gateway.security.Visitors;
import reactor.core.publisher.Mono;

/**
 * Tells the services who is asking. A header a client sends itself is never trusted: it is removed, and only the
 * signed-in user's name (secured mode) is forwarded. Credentials stay at the gateway: API services get neither
 * cookies nor the Authorization header (they authenticate nobody), and the hub gets no Basic credentials (it reads
 * its own bearer tokens and the subscriber cookie).
 */
@Component
class ForwardedUserFilter implements GlobalFilter, Ordered {

    static final String USER_HEADER = "X-Benchpulse-User";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        boolean api = exchange.getRequest().getPath().value().startsWith("/api/");
        return exchange.getPrincipal()
                .filter(Visitors::isSignedIn)
                .map(Principal::getName)
                .map(user -> forward(exchange, user, api))
                .switchIfEmpty(Mono.fromSupplier(() -> forward(exchange, null, api)))
                .flatMap(chain::filter);
    }

    private static ServerWebExchange forward(ServerWebExchange exchange, String user, boolean api) {
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
            headers.remove(USER_HEADER);
            String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
            if (api || (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6))) {
                headers.remove(HttpHeaders.AUTHORIZATION);
            }
            if (api) {
                headers.remove(HttpHeaders.COOKIE);
                if (user != null) {
                    headers.set(USER_HEADER, user);
                }
            }
        }).build();
        return exchange.mutate().request(request).build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
