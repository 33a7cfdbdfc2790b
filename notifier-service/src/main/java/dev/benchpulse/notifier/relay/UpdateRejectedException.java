package dev.benchpulse.notifier.relay;

/**
 * The hub refused an update in a way no retry can change (a 4xx response other than an authorization, not-found,
 * timeout or rate-limit one). The relay drops such an update rather than hold its run forever.
 */
public class UpdateRejectedException extends RuntimeException {

    public UpdateRejectedException(String message) {
        super(message);
    }

    public UpdateRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
