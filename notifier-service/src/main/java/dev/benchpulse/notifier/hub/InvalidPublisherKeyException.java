package dev.benchpulse.notifier.hub;

/** The publisher JWT cannot be signed with the configured key material; the message says what to set. */
class InvalidPublisherKeyException extends IllegalStateException {

    InvalidPublisherKeyException(String message) {
        super(message);
    }

    InvalidPublisherKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
