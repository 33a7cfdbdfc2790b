package dev.benchpulse.runner.calibration;

import dev.benchpulse.runner.run.SampleOutcome;
import dev.benchpulse.support.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * A calibration sample failed: the benchmark cannot be measured on that runtime as it is. HTTP 422 as a problem
 * detail with the failure kind and, for a PHP error, the section and line.
 */
class CalibrationFailedException extends ApiProblem {

    CalibrationFailedException(String slug, String runtime, long inner, SampleOutcome.Failed failure) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Calibration failed",
                "Calibrating " + slug + " on " + runtime + " failed at " + inner + " inner iterations with "
                        + failure.reason() + ": " + failure.message());
        with("reason", failure.reason().name());
        if (failure.section() != null) {
            with("errorSection", failure.section().field());
            with("errorLine", failure.line());
        }
    }
}
