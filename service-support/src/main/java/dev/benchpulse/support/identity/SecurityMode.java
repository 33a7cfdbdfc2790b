package dev.benchpulse.support.identity;

/**
 * How strict the services are about who asks ({@code benchpulse.security.mode}, the same setting as the gateway's):
 * in the open mode a request without a valid identity token is an anonymous visitor's; in the secured mode it is
 * refused.
 */
public enum SecurityMode {
    OPEN,
    SECURED;

    /** {@code open} or {@code secured}, in any case; anything else stops the service with what to set. */
    public static SecurityMode parse(String value) {
        for (SecurityMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return mode;
            }
        }
        throw new IllegalStateException(
                "benchpulse.security.mode (BENCHPULSE_SECURITY_MODE) is '" + value + "': use open or secured.");
    }
}
