package dev.benchpulse.hub.problem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Answers every refused request with an RFC 9457 {@code application/problem+json} document. The hub keeps this
 * mapping of its own rather than service-support's {@code ProblemAdvice}: it is a standalone module that runs
 * without service-support and must not load its auto-configurations (Kafka, identity, outages). The shape is the
 * same ({@code type}, {@code title}, {@code status}, {@code detail}).
 */
@RestControllerAdvice
class ProblemResponses {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(HubException exception) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(exception.status());
        if (exception.status() == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"mercure\"");
        }
        if (exception.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            // a full instance: try again in a second, and give its connection (a file descriptor) back now
            response.header(HttpHeaders.RETRY_AFTER, "1").header(HttpHeaders.CONNECTION, "close");
        }
        return response.body(problem(exception.status(), exception.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unsupportedMediaType(UnsupportedMediaTypeStatusException exception) {
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(problem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Updates are published as a form: send Content-Type: application/x-www-form-urlencoded."));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> badInput(ServerWebInputException exception) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, exception.getReason()));
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }
}
