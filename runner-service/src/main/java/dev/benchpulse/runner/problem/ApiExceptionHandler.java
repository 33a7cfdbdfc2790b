package dev.benchpulse.runner.problem;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * The runner's one mapping of errors to RFC 9457 {@code application/problem+json}: every problem names the field
 * at fault (in {@code errors}) and says how to fix it.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final String EXAMPLE = "{\"benchmark\": \"str-contains-native\", \"runtimes\": [\"php\"], "
            + "\"iterations\": 10}";

    @ExceptionHandler
    ProblemDetail invalid(InvalidRequestException e) {
        return badRequest(e.problems());
    }

    @ExceptionHandler
    ProblemDetail bindingFailed(WebExchangeBindException e) {
        return badRequest(e.getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList());
    }

    @ExceptionHandler
    ProblemDetail unreadable(ServerWebInputException e) {
        JacksonException json = jacksonCause(e);
        if (json instanceof StreamReadException) {
            return badRequest(List.of(new FieldProblem("(body)", "is not valid JSON: " + json.getOriginalMessage()
                    + ". Send a JSON object such as " + EXAMPLE)));
        }
        if (json != null) {
            return badRequest(List.of(new FieldProblem(JacksonPaths.field(json, "(body)"), "has the wrong type: "
                    + json.getOriginalMessage() + ". Send a JSON object such as " + EXAMPLE)));
        }
        if (e.getCause() instanceof DecodingException || e.getReason() != null && e.getReason().contains("body")) {
            return badRequest(List.of(new FieldProblem("(body)", "is missing or unreadable: send a JSON object such as "
                    + EXAMPLE)));
        }
        String field = e.getMethodParameter() != null && e.getMethodParameter().getParameterName() != null
                ? e.getMethodParameter().getParameterName() : "(request)";
        return badRequest(List.of(new FieldProblem(field, e.getReason() == null ? "is invalid" : e.getReason())));
    }

    /**
     * Exceptions that carry their own problem detail and headers (unknown benchmark, failed calibration, busy
     * workers, a full queue, 404, 405…).
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> framework(ErrorResponseException e) {
        return ResponseEntity.status(e.getStatusCode()).headers(e.getHeaders()).body(e.getBody());
    }

    private static ProblemDetail badRequest(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems);
        return problem;
    }

    private static JacksonException jacksonCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }
}
