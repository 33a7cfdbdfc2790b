package dev.benchpulse.results.problem;

/** A request parameter is invalid; answered with 400 and a message saying how to fix it. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
