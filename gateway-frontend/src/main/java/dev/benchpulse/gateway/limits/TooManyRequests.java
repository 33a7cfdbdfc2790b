package dev.benchpulse.gateway.limits;

import dev.benchpulse.support.problem.ProblemResponses;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The answer to a requester over a rate limit: 429, a problem saying which limit, and {@code Retry-After}. */
@Component
public class TooManyRequests {

    private final ProblemResponses problems;

    TooManyRequests(ProblemResponses problems) {
        this.problems = problems;
    }

    public Mono<Void> write(ServerWebExchange exchange, String what, RateLimitProperties.Limit limit, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(
                exchange,
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests",
                "At most " + limit.capacity() + " " + what + " per " + human(limit.period()) + " are allowed. Try"
                        + " again in " + seconds + " s.",
                Map.of("retryAfterSeconds", seconds));
    }

    private static String human(Duration period) {
        return period.toSecondsPart() == 0 && period.toMinutes() > 0
                ? period.toMinutes() + " min"
                : period.toSeconds() + " s";
    }
}
