package dev.benchpulse.contracts.web;

/**
 * The custom HTTP headers and the cookie of Benchpulse's API, named once for the side that sends them (the CLI, the
 * gateway) and the side that reads them (the services, the hub). The dashboard's scripts send {@link #CLIENT} too.
 */
public final class ApiHeaders {

    /**
     * The custom header (any value) that marks a state-changing request as sent by a script or the dashboard: an HTML
     * form of another site cannot add a header, and a script of another site cannot without a CORS pre-flight that
     * nothing here allows.
     */
    public static final String CLIENT = "X-Benchpulse-Client";
    /** Carries the identity token the gateway signs (a JWT) from the gateway to a service. */
    public static final String IDENTITY = "X-Benchpulse-Identity";
    /**
     * The plain user-name header earlier gateways sent. Nothing believes it any more; the gateway still strips it so a
     * client cannot pass it through to an old service.
     */
    public static final String UNSIGNED_USER = "X-Benchpulse-User";
    /**
     * The cookie in which the gateway hands out a Mercure subscriber token and the hub looks for one (Mercure's
     * default name).
     */
    public static final String SUBSCRIBER_COOKIE = "mercureAuthorization";

    private ApiHeaders() {}
}
