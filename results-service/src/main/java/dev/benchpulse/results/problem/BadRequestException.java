package dev.benchpulse.results.problem;

import dev.benchpulse.support.problem.ApiProblem;
import dev.benchpulse.support.problem.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/** A request parameter is invalid; answered with 400, the parameter in {@code errors}, and how to fix it. */
public class BadRequestException extends ApiProblem {

    /**
     * @param parameter the parameter at fault
     * @param message   a sentence that says what is wrong with it and how to fix it
     */
    public BadRequestException(String parameter, String message) {
        super(HttpStatus.BAD_REQUEST, "Invalid request", message, List.of(new FieldProblem(parameter, message)));
    }
}
