package dev.benchpulse.support.problem;

import dev.benchpulse.support.outage.DependencyUnavailableException;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one mapping of errors to RFC 9457 {@code application/problem+json} for the controllers of every service, in
 * one shape: {@code type}, {@code title}, {@code status}, a {@code detail} that says what is wrong and how to fix it,
 * {@code instance}, and for invalid input the fields at fault in {@code errors} ({@code field}, {@code message}).
 * Features throw {@link ApiProblem}; the framework's own errors are worded here. An unexpected failure is a 500
 * that is logged with its cause and tells the client nothing about it.
 */
@RestControllerAdvice
class ProblemAdvice {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final JsonMapper json;

    ProblemAdvice(JsonMapper json) {
        this.json = json;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(ApiProblem e, ServerWebExchange exchange) {
        ProblemDetail problem = problem(e.status(), e.title(), e.detail(), exchange);
        if (!e.errors().isEmpty()) {
            problem.setProperty("errors", e.errors());
        }
        e.properties().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        e.retryAfter().ifPresent(delay -> response.header(HttpHeaders.RETRY_AFTER, Long.toString(delay.toSeconds())));
        return response.body(problem);
    }

    /** Input the framework could not read, bind or validate: the fields at fault, each with what is wrong. */
    @ExceptionHandler({
        ServerWebInputException.class,
        HandlerMethodValidationException.class,
        ConstraintViolationException.class
    })
    ResponseEntity<ProblemDetail> invalidInput(Exception e, ServerWebExchange exchange) {
        return invalid(
                switch (e) {
                    case WebExchangeBindException binding -> InputProblems.of(binding);
                    case ServerWebInputException input -> InputProblems.of(input);
                    case HandlerMethodValidationException validation -> InputProblems.of(validation);
                    case ConstraintViolationException violations -> InputProblems.of(violations);
                    default -> throw new IllegalArgumentException("not an input error: " + e, e);
                },
                exchange);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> methodNotAllowed(MethodNotAllowedException e, ServerWebExchange exchange) {
        return framework(
                e,
                exchange.getRequest().getMethod() + " is not allowed on "
                        + exchange.getRequest().getPath().value() + "; it takes " + e.getSupportedMethods() + ".",
                exchange);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unsupportedMediaType(
            UnsupportedMediaTypeStatusException e, ServerWebExchange exchange) {
        return framework(
                e,
                "Content-Type " + (e.getContentType() == null ? "(none)" : "'" + e.getContentType() + "'")
                        + " is not accepted here; send one of " + e.getSupportedMediaTypes() + ".",
                exchange);
    }

    /** Any other error that has a status (404 of an unknown path, 406, a {@link ResponseStatusException}…). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> framework(ErrorResponseException e, ServerWebExchange exchange) {
        String reason = e instanceof ResponseStatusException status ? status.getReason() : null;
        String detail = e instanceof NoResourceFoundException
                        || e.getStatusCode().value() == HttpStatus.NOT_FOUND.value() && reason == null
                ? "Nothing is at " + exchange.getRequest().getMethod() + " "
                        + exchange.getRequest().getPath().value()
                        + ". Check the path against the service's OpenAPI document (/v3/api-docs)."
                : reason != null ? reason : e.getBody().getDetail();
        return framework(e, detail, exchange);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> dependencyUnavailable(DependencyUnavailableException e, ServerWebExchange exchange) {
        log.warn(
                "{} {} could not be answered: {}",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(),
                e.getMessage());
        return refused(
                new ApiProblem(
                                HttpStatus.SERVICE_UNAVAILABLE,
                                "Dependency unavailable",
                                e.dependency()
                                        + " is unavailable right now, so this request cannot be answered. Try again shortly; the service's"
                                        + " health (/actuator/health) shows the outage.")
                        .retryAfter(Duration.ofSeconds(5)),
                exchange);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        log.error(
                "{} {} failed unexpectedly",
                exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(),
                e);
        return ResponseEntity.internalServerError()
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal error",
                        "The service failed to answer this request; the failure is in its log. Try again later, and report it"
                                + " if it persists.",
                        exchange));
    }

    /** Invalid input (400), with the handler's {@link RequestExample} when it has one. */
    private ResponseEntity<ProblemDetail> invalid(List<FieldProblem> errors, ServerWebExchange exchange) {
        ResponseEntity<ProblemDetail> response = refused(ApiProblem.invalid(errors), exchange);
        if (exchange.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod handler
                && handler.getMethodAnnotation(RequestExample.class) instanceof RequestExample example) {
            ProblemDetail problem = response.getBody();
            problem.setDetail(problem.getDetail() + ". Send a JSON object such as the one in 'example'.");
            problem.setProperty("example", json.readTree(example.value()));
        }
        return response;
    }

    private ResponseEntity<ProblemDetail> framework(
            ErrorResponseException e, String detail, ServerWebExchange exchange) {
        HttpStatusCode status = e.getStatusCode();
        String title = e.getBody().getTitle() != null
                ? e.getBody().getTitle()
                : HttpStatus.resolve(status.value()) != null
                        ? HttpStatus.resolve(status.value()).getReasonPhrase()
                        : "Error " + status.value();
        ProblemDetail problem = problem(status, title, detail, exchange);
        return ResponseEntity.status(status).headers(e.getHeaders()).body(problem);
    }

    private static ProblemDetail problem(
            HttpStatusCode status, String title, String detail, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("about:blank"));
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        return problem;
    }
}
