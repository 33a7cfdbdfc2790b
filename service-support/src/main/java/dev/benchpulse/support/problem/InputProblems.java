package dev.benchpulse.support.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Names the fields at fault in the framework's input errors (an unreadable body, a parameter of the wrong type, a
 * failed bean validation), each with what is wrong in words a client can act on. {@code (body)} stands for the
 * request body as a whole.
 */
final class InputProblems {

    static final String BODY = "(body)";

    private InputProblems() {}

    static List<FieldProblem> of(ServerWebInputException e) {
        JacksonException json = jacksonCause(e);
        if (json instanceof StreamReadException) {
            return List.of(new FieldProblem(BODY, "is not valid JSON: " + json.getOriginalMessage()));
        }
        if (json != null) {
            return List.of(new FieldProblem(
                    JacksonPaths.field(json, BODY), "has the wrong type: " + json.getOriginalMessage()));
        }
        if (e.getCause() instanceof DecodingException
                || e.getReason() != null && e.getReason().contains("body")) {
            return List.of(new FieldProblem(BODY, "is missing or unreadable: send a JSON object"));
        }
        if (e instanceof MissingRequestValueException missing) {
            return List.of(new FieldProblem(missing.getName(), "is required"));
        }
        MethodParameter parameter = e.getMethodParameter();
        if (parameter != null && parameter.getParameterName() != null) {
            return List.of(new FieldProblem(
                    parameter.getParameterName(), "is invalid: expected a " + expected(parameter.getParameterType())));
        }
        return List.of(new FieldProblem("(request)", e.getReason() == null ? "is invalid" : e.getReason()));
    }

    static List<FieldProblem> of(WebExchangeBindException e) {
        return Stream.concat(
                        e.getFieldErrors().stream().map(f -> new FieldProblem(f.getField(), f.getDefaultMessage())),
                        e.getGlobalErrors().stream().map(g -> new FieldProblem(BODY, g.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    static List<FieldProblem> of(HandlerMethodValidationException e) {
        return e.getParameterValidationResults().stream()
                .map(r -> new FieldProblem(
                        r.getMethodParameter().getParameterName(),
                        r.getResolvableErrors().stream()
                                .map(MessageSourceResolvable::getDefaultMessage)
                                .collect(Collectors.joining(", "))))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    static List<FieldProblem> of(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(lastNode(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
    }

    private static String lastNode(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            name = node.getName();
        }
        return name == null ? "(request)" : name;
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "value among " + Arrays.toString(type.getEnumConstants());
        }
        return type == UUID.class
                ? "UUID such as 3f2c9a4e-7b1d-4e0a-9c55-0b6f1e2d3a4b"
                : type.getSimpleName().toLowerCase(Locale.ROOT);
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
