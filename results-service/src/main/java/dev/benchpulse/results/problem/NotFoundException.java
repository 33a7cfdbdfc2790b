package dev.benchpulse.results.problem;

import dev.benchpulse.support.problem.ApiProblem;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** Something the request names does not exist; answered with 404 and a message saying what to do instead. */
public class NotFoundException extends ApiProblem {

    public NotFoundException(String message) {
        super(HttpStatus.NOT_FOUND, "Not found", message);
    }

    public static NotFoundException run(UUID id) {
        return new NotFoundException("No run has id " + id + ". List the known runs with GET /api/runs.");
    }

    public static NotFoundException benchmark(String benchmark) {
        return new NotFoundException("No benchmark '" + benchmark + "' has any run here. Check the slug in the catalog"
                + " (GET /api/benchmarks); a benchmark is known here from its first run (POST /api/runs).");
    }

    public static NotFoundException completedRun(String benchmark, String runtime) {
        return new NotFoundException("Benchmark '" + benchmark + "' has no completed run on runtime '" + runtime
                + "'. Run it first (POST /api/runs) or check the names with GET /api/runs?benchmark=" + benchmark
                + ".");
    }
}
