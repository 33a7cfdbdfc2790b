package dev.benchpulse.support.kafka;

/**
 * A record that is bad in itself: it decoded, but breaks the contract (a field out of range, an event that cannot
 * belong where it is). No retry can change that, so after a short bounded back-off it goes to the dead-letter
 * topic. Throw it only for the record's own fault: a failure of a dependency is a {@link
 * dev.benchpulse.support.outage.DependencyUnavailableException}.
 */
public class InvalidRecordException extends RuntimeException {

    public InvalidRecordException(String message) {
        super(message);
    }

    public InvalidRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
