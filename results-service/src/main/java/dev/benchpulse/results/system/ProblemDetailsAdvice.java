package dev.benchpulse.results.system;

import java.net.URI;
import java.util.stream.Collectors;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;

import reactor.core.publisher.Mono;

/**
 * Every error of the results API as RFC 9457 {@code application/problem+json}: unknown ids and names are 404,
 * invalid parameters 400, a full computation queue 503, each with a detail that says what is wrong and how to fix
 * it.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Busy", e.getMessage()));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        MethodParameter parameter = e.getMethodParameter();
        String detail = e instanceof MissingRequestValueException ? e.getReason() + " Add it and retry."
                : parameter == null || parameter.getParameterName() == null ? e.getReason()
                : "Parameter '" + parameter.getParameterName() + "' is invalid: expected a "
                        + expected(parameter.getParameterType()) + ". Fix it and retry.";
        return handleExceptionInternal(e, problem(HttpStatus.BAD_REQUEST, "Invalid request", detail), headers,
                status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        String detail = e.getFieldErrors().stream()
                .map(error -> "'" + error.getField() + "' " + error.getDefaultMessage())
                .collect(Collectors.joining("; ", "Invalid request body: ", ". Fix it and retry."));
        return handleExceptionInternal(e, problem(HttpStatus.BAD_REQUEST, "Invalid request", detail), headers,
                status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        String detail = e.getParameterValidationResults().stream()
                .map(r -> "'" + r.getMethodParameter().getParameterName() + "' "
                        + r.getResolvableErrors().stream().map(MessageSourceResolvable::getDefaultMessage)
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ", "Invalid parameters: ", ". Fix them and retry."));
        return handleExceptionInternal(e, problem(HttpStatus.BAD_REQUEST, "Invalid request", detail), headers,
                status, exchange);
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "value among " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return type == java.util.UUID.class ? "UUID such as 3f2c9a4e-7b1d-4e0a-9c55-0b6f1e2d3a4b"
                : type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
