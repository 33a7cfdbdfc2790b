package dev.benchpulse.hub.problem;

import org.springframework.http.HttpStatus;

/**
 * A request the hub refuses, with the status to answer and a message saying what is wrong and how to fix it;
 * {@link ProblemResponses} turns it into an RFC 9457 problem document.
 */
public class HubException extends RuntimeException {

    private final HttpStatus status;

    public HubException(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    public static HubException badRequest(String detail) {
        return new HubException(HttpStatus.BAD_REQUEST, detail);
    }

    public static HubException unauthorized(String detail) {
        return new HubException(HttpStatus.UNAUTHORIZED, detail);
    }

    public static HubException forbidden(String detail) {
        return new HubException(HttpStatus.FORBIDDEN, detail);
    }

    public static HubException notFound(String detail) {
        return new HubException(HttpStatus.NOT_FOUND, detail);
    }

    public HttpStatus status() {
        return status;
    }
}
