package dev.benchpulse.gateway.routing;

import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.gateway.visitor.Visitors;
import dev.benchpulse.support.identity.IdentityTokens;
import dev.benchpulse.support.identity.Requester;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Tells the services who is asking, in a token only the gateway can sign: the signed-in user and their roles (secured
 * mode) or an anonymous visitor (open mode), with the client's address, valid for a minute. Identity headers a client
 * sends itself are removed, never passed on. Credentials stay at the gateway: API services get neither cookies nor the
 * Authorization header (they authenticate nobody), and the hub gets no Basic credentials (it reads its own bearer
 * tokens and the subscriber cookie).
 */
@Component
class ForwardedIdentityFilter implements GlobalFilter, Ordered {

    private final IdentityTokens tokens;

    ForwardedIdentityFilter(IdentityTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        boolean api = exchange.getRequest().getPath().value().startsWith("/api/");
        return Visitors.requester(exchange)
                .map(requester -> forward(exchange, requester, api))
                .flatMap(chain::filter);
    }

    private ServerWebExchange forward(ServerWebExchange exchange, Requester requester, boolean api) {
        ServerHttpRequest request = exchange.getRequest()
                .mutate()
                .headers(headers -> {
                    headers.remove(ApiHeaders.IDENTITY);
                    headers.remove(ApiHeaders.UNSIGNED_USER);
                    String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
                    if (api || (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6))) {
                        headers.remove(HttpHeaders.AUTHORIZATION);
                    }
                    if (api) {
                        headers.remove(HttpHeaders.COOKIE);
                        headers.set(ApiHeaders.IDENTITY, tokens.mint(requester));
                    }
                })
                .build();
        return exchange.mutate().request(request).build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
