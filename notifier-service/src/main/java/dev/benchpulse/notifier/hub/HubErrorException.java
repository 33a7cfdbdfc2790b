package dev.benchpulse.notifier.hub;

/**
 * The hub answered a publish with a status worth trying again: a server error, or an authorization, not-found,
 * timeout or rate-limit answer (a key being rotated, a hub restarting behind a proxy).
 */
final class HubErrorException extends RuntimeException {

    HubErrorException(String message) {
        super(message);
    }
}
