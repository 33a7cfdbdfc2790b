package dev.benchpulse.gateway.limits;

import dev.benchpulse.gateway.visitor.Visitors;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Limits how fast one requester may start runs and calibrations, the two requests that make PHP work. Runs after
 * Spring Security, so a signed-in user counts as themself wherever they connect from; an anonymous visitor counts by
 * address. Requests refused for other reasons (no role, no CSRF token) never reach it and cost nothing.
 */
@Component
@EnableConfigurationProperties(RateLimitProperties.class)
class RequestRateLimitFilter implements WebFilter, Ordered {

    private static final PathPattern RUNS = PathPatternParser.defaultInstance.parse("/api/runs");
    private static final PathPattern CALIBRATE =
            PathPatternParser.defaultInstance.parse("/api/benchmarks/{slug}/calibrate");

    private final KeyedRateLimiter runs;
    private final KeyedRateLimiter calibrations;
    private final TooManyRequests tooMany;

    RequestRateLimitFilter(RateLimitProperties properties, TooManyRequests tooMany) {
        this.runs = new KeyedRateLimiter(properties.runRequests(), properties.maxTracked());
        this.calibrations = new KeyedRateLimiter(properties.calibrations(), properties.maxTracked());
        this.tooMany = tooMany;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getMethod() != HttpMethod.POST) {
            return chain.filter(exchange);
        }
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        KeyedRateLimiter limiter = RUNS.matches(path) ? runs : CALIBRATE.matches(path) ? calibrations : null;
        if (limiter == null) {
            return chain.filter(exchange);
        }
        String what = limiter == runs ? "run requests" : "calibrations";
        return Visitors.requester(exchange).flatMap(requester -> {
            Optional<Duration> wait = limiter.tryAcquire(requester.quotaKey());
            return wait.isPresent()
                    ? tooMany.write(exchange, what, limiter.limit(), wait.get())
                    : chain.filter(exchange);
        });
    }

    /** After Spring Security's filter chain (order -100), which establishes who is asking. */
    @Override
    public int getOrder() {
        return 0;
    }
}
