package dev.benchpulse.support.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, as the one problem+json answer {@link ProblemAdvice} gives it: a status, a title,
 * a detail that says what is wrong and how to fix it, for invalid input the fields at fault, and any extension
 * members a client can act on. Features throw it (or a subclass named for their case), so no service needs an
 * error mapping of its own.
 */
public class ApiProblem extends RuntimeException {

    static final String INVALID = "Invalid request";

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> errors;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private Duration retryAfter;

    public ApiProblem(HttpStatus status, String title, String detail) {
        this(status, title, detail, List.of(), null);
    }

    public ApiProblem(HttpStatus status, String title, String detail, Throwable cause) {
        this(status, title, detail, List.of(), cause);
    }

    /** A problem with the fields at fault; the detail lists them. */
    public ApiProblem(HttpStatus status, String title, List<FieldProblem> errors) {
        this(status, title, detail(errors), errors, null);
    }

    /** A problem with the fields at fault, and a detail of its own. */
    public ApiProblem(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        this(status, title, detail, errors, null);
    }

    private ApiProblem(HttpStatus status, String title, String detail, List<FieldProblem> errors, Throwable cause) {
        super(detail, cause);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** Invalid input (400) with every field at fault. */
    public static ApiProblem invalid(List<FieldProblem> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, INVALID, errors);
    }

    /** Invalid input (400) in one field. */
    public static ApiProblem invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    /** Adds an extension member of the problem, e.g. the limit a request went over. */
    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Asks the client to come back after {@code delay} ({@code Retry-After}), for a 429 or a 503. */
    public ApiProblem retryAfter(Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The detail of invalid input: every field and what is wrong with it, e.g. {@code iterations: must be …}. */
    static String detail(List<FieldProblem> errors) {
        return errors.stream().map(FieldProblem::toString).collect(Collectors.joining("; "));
    }
}
