package dev.benchpulse.hub.auth;

/** A presented token that cannot be trusted: malformed, signed with another key, or expired. */
class InvalidTokenException extends RuntimeException {

    InvalidTokenException(String reason) {
        super(reason);
    }
}
