package dev.benchpulse.support.outage;

/**
 * A dependency (a database, the broker, the hub) could not do its part, so the work at hand could not be done now:
 * nothing is wrong with the work itself. Throw it from a Kafka listener to have the record retried for as long as
 * the outage lasts; it is never dead-lettered.
 */
public class DependencyUnavailableException extends RuntimeException {

    private final String dependency;

    /**
     * @param dependency the dependency's name as health and metrics show it, e.g. {@code postgresql}
     * @param cause      what the dependency's client reported
     */
    public DependencyUnavailableException(String dependency, Throwable cause) {
        super(dependency + " is unavailable: " + RootCause.describe(cause), cause);
        this.dependency = dependency;
    }

    public String dependency() {
        return dependency;
    }
}
