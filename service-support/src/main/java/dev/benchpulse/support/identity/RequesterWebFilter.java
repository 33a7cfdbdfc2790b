package dev.benchpulse.support.identity;

import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.support.problem.ProblemResponses;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * A service's view of who is asking its API: the requester of a valid identity token from the gateway, else (open
 * mode only) an anonymous visitor at the connection's address. Headers that are not a token signed with our key are
 * ignored. In the secured mode an API request without a valid token is refused (401), as is a state-changing one
 * whose requester is not an operator (403), so reaching a service directly gains nothing.
 */
final class RequesterWebFilter implements WebFilter, Ordered {

    static final int ORDER = CrossSiteRequestFilter.ORDER + 1;
    private static final Logger log = LoggerFactory.getLogger(RequesterWebFilter.class);

    private final SecurityMode mode;
    private final IdentityTokens tokens;
    private final ProblemResponses problems;

    /** @param tokens the verifier; may be null in the open mode when no key is configured */
    RequesterWebFilter(SecurityMode mode, IdentityTokens tokens, ProblemResponses problems) {
        if (mode == SecurityMode.SECURED && tokens == null) {
            throw new IllegalStateException("benchpulse.security.mode=secured but BENCHPULSE_IDENTITY_KEY is not"
                    + " set: in the secured mode a service believes only identities the gateway signed. Set"
                    + " BENCHPULSE_IDENTITY_KEY to the gateway's key (./benchpulse up and docker compose do).");
        }
        this.mode = mode;
        this.tokens = tokens;
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        Optional<Requester> signed = signedRequester(exchange);
        if (mode == SecurityMode.SECURED) {
            if (signed.isEmpty() || !signed.get().has(Role.VIEWER)) {
                return problems.write(
                        exchange,
                        HttpStatus.UNAUTHORIZED,
                        "Identity required",
                        "This service runs in secured mode and answers only requests the gateway signed for a"
                                + " signed-in user. Send the request to the gateway, which signs you in.");
            }
            if (CrossSiteRequestFilter.isApiWrite(exchange) && !signed.get().has(Role.OPERATOR)) {
                return problems.write(
                        exchange,
                        HttpStatus.FORBIDDEN,
                        "Operator role required",
                        "Only operators may change anything; " + signed.get().name() + " is not one.");
            }
        }
        exchange.getAttributes()
                .put(
                        Requester.ATTRIBUTE,
                        signed.orElseGet(() -> Requester.anonymous(Requester.remoteAddress(exchange))));
        return chain.filter(exchange);
    }

    private Optional<Requester> signedRequester(ServerWebExchange exchange) {
        String token = exchange.getRequest().getHeaders().getFirst(ApiHeaders.IDENTITY);
        if (token == null || tokens == null) {
            return Optional.empty();
        }
        Optional<Requester> requester = tokens.verify(token);
        if (requester.isEmpty()) {
            log.debug(
                    "Ignoring an identity token that does not verify on {} {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath());
        }
        return requester;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
