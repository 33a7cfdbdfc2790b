package dev.benchpulse.support.problem;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers with an RFC 9457 {@code application/problem+json} document where no controller does: the web filters of
 * every service and of the gateway (the cross-site rule, the identity check, rate limits, security refusals, a
 * backend down). Controllers' errors go through {@link ProblemAdvice}; both give the same shape.
 */
public final class ProblemResponses {

    private final JsonMapper json;

    public ProblemResponses(JsonMapper json) {
        this.json = json;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        return write(exchange, status, title, detail, Map.of());
    }

    /** Writes the problem, with {@code properties} as extension members; nothing when the response is committed. */
    public Mono<Void> write(
            ServerWebExchange exchange,
            HttpStatus status,
            String title,
            String detail,
            Map<String, Object> properties) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        properties.forEach(problem::setProperty);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(
                Mono.fromSupplier(() -> response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }
}
