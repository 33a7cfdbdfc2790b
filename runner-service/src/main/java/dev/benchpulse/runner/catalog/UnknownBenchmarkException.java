package dev.benchpulse.runner.catalog;

import dev.benchpulse.support.problem.ApiProblem;
import dev.benchpulse.support.problem.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A request named a benchmark the catalog does not have: HTTP 404 as a problem detail. */
public class UnknownBenchmarkException extends ApiProblem {

    public UnknownBenchmarkException(String slug) {
        super(
                HttpStatus.NOT_FOUND,
                "Unknown benchmark",
                "No benchmark '" + slug + "' in the catalog."
                        + " GET /api/benchmarks lists the slugs; a catalog file that failed validation is not offered (see the"
                        + " runner's log or /actuator/health).",
                List.of(new FieldProblem("benchmark", "'" + slug + "' is not in the catalog")));
    }
}
