package dev.benchpulse.support.identity;

import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.support.problem.ProblemResponses;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses a state-changing API request that neither has a JSON body nor carries {@link ApiHeaders#CLIENT}, in
 * every security mode. A page of another site can make the browser send a form (url-encoded, multipart or plain
 * text) to any address, the loopback ones included, without asking; a JSON body or a custom header needs a CORS
 * pre-flight that no Benchpulse server grants. So this rule is what keeps a visited web page from starting runs,
 * calibrations or cancellations through the open mode, or through a backend on this machine.
 */
public final class CrossSiteRequestFilter implements WebFilter, Ordered {

    /** Ahead of Spring Security's filter chain (order -100), so the rule holds whoever is signed in. */
    static final int ORDER = -200;

    private static final Set<HttpMethod> SAFE =
            Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    private final ProblemResponses problems;

    CrossSiteRequestFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isApiWrite(exchange)
                || isJson(exchange)
                || exchange.getRequest().getHeaders().containsHeader(ApiHeaders.CLIENT)) {
            return chain.filter(exchange);
        }
        return problems.write(
                exchange,
                HttpStatus.FORBIDDEN,
                "Not a JSON or Benchpulse client request",
                exchange.getRequest().getMethod() + " " + exchange.getRequest().getPath() + " changes something, so"
                        + " it must have a JSON body (Content-Type: application/json) or the header "
                        + ApiHeaders.CLIENT + " (any value, for example `-H '" + ApiHeaders.CLIENT
                        + ": curl'`). This keeps forms of other web sites from triggering it.");
    }

    static boolean isApiWrite(ServerWebExchange exchange) {
        return !SAFE.contains(exchange.getRequest().getMethod())
                && exchange.getRequest()
                        .getPath()
                        .pathWithinApplication()
                        .value()
                        .startsWith("/api/");
    }

    private static boolean isJson(ServerWebExchange exchange) {
        MediaType type;
        try {
            type = exchange.getRequest().getHeaders().getContentType();
        } catch (RuntimeException invalid) {
            return false;
        }
        return type != null
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"))
                && "application".equals(type.getType());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
