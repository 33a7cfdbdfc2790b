package dev.benchpulse.runner.problem;

import java.util.List;
import java.util.stream.Collectors;

/** A request the runner refuses (HTTP 400), with every field at fault. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.stream().map(FieldProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
