package dev.benchpulse.gateway.routing;

import dev.benchpulse.support.problem.ProblemResponses;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Turns a backend that cannot be reached into a 503 problem naming the service and the variable that says where
 * it runs, instead of a bare 500.
 */
@Component
class BackendUnavailableFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(BackendUnavailableFilter.class);

    private final ProblemResponses problems;

    BackendUnavailableFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange)
                .onErrorResume(BackendUnavailableFilter::isUnreachable, error -> unavailable(exchange, error));
    }

    private Mono<Void> unavailable(ServerWebExchange exchange, Throwable error) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null || !(route.getMetadata().get(Backend.METADATA_KEY) instanceof Backend backend)) {
            return Mono.error(error);
        }
        log.warn("{} is unreachable at {}: {}", backend.service(), backend.url(), error.toString());
        return problems.write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                backend.service() + " is unavailable",
                backend.unreachableDetail(),
                Map.of("service", backend.service()));
    }

    private static boolean isUnreachable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ConnectException
                    || t instanceof ConnectTimeoutException
                    || t instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
