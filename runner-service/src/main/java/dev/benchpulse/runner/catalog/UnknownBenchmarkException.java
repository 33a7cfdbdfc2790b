package dev.benchpulse.runner.catalog;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A request named a benchmark the catalog does not have: HTTP 404 as a problem detail. */
public class UnknownBenchmarkException extends ErrorResponseException {

    public UnknownBenchmarkException(String slug) {
        super(HttpStatus.NOT_FOUND, problem(slug), null);
    }

    private static ProblemDetail problem(String slug) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No benchmark '" + slug
                + "' in the catalog. GET /api/benchmarks lists the slugs; a catalog file that failed validation is not "
                + "offered (see the runner's log or /actuator/health).");
        problem.setTitle("Unknown benchmark");
        problem.setProperty("errors", List.of(Map.of("field", "benchmark", "message",
                "'" + slug + "' is not in the catalog")));
        return problem;
    }
}
