package dev.benchpulse.support.problem;

/**
 * What is wrong with one field of a request, and how to fix it.
 *
 * @param field   the field, e.g. {@code iterations} or {@code runtimes[1]}
 * @param message what is wrong and how to fix it
 */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}
