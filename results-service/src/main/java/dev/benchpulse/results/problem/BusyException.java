package dev.benchpulse.results.problem;

import dev.benchpulse.support.problem.ApiProblem;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** The service has as much work queued as it takes; answered 503 with {@code Retry-After}. */
public class BusyException extends ApiProblem {

    public BusyException(String message) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "Busy", message);
        retryAfter(Duration.ofSeconds(5));
    }
}
