package dev.benchpulse.hub.auth;

/**
 * The hub cannot verify one kind of token because its key is missing or unusable; the hub refuses to start and
 * {@link KeyConfigurationFailureAnalyzer} tells the operator which environment variable to set.
 */
public class KeyConfigurationException extends RuntimeException {

    private final String kind;

    KeyConfigurationException(String kind, String problem) {
        super("The " + kind + " JWT key is unusable: " + problem);
        this.kind = kind;
    }

    /** {@code publisher} or {@code subscriber}. */
    public String kind() {
        return kind;
    }
}
