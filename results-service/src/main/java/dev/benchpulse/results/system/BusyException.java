package dev.benchpulse.results.system;

/** The service has as much work queued as it takes; answered 503 with {@code Retry-After}. */
public class BusyException extends RuntimeException {

    public BusyException(String message) {
        super(message);
    }
}
