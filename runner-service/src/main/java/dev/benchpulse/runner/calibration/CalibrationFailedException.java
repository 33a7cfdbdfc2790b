package dev.benchpulse.runner.calibration;

import dev.benchpulse.runner.run.SampleOutcome;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A calibration sample failed: the benchmark cannot be measured on that runtime as it is. HTTP 422 as a problem
 * detail with the failure kind and, for a PHP error, the section and line.
 */
class CalibrationFailedException extends ErrorResponseException {

    CalibrationFailedException(String slug, String runtime, long inner, SampleOutcome.Failed failure) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(slug, runtime, inner, failure), null);
    }

    private static ProblemDetail problem(String slug, String runtime, long inner, SampleOutcome.Failed failure) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "Calibrating " + slug
                + " on " + runtime + " failed at " + inner + " inner iterations with " + failure.reason() + ": "
                + failure.message());
        problem.setTitle("Calibration failed");
        problem.setProperty("reason", failure.reason().name());
        if (failure.section() != null) {
            problem.setProperty("errorSection", failure.section().field());
            problem.setProperty("errorLine", failure.line());
        }
        return problem;
    }
}
