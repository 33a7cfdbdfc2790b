package dev.benchpulse.support.identity;

/**
 * The names the gateway and the services share about who is asking: the headers, the claims of the identity token,
 * its issuer and audience. Defined once here so that the side that signs and the side that verifies cannot drift.
 */
public final class Identity {

    /** Carries the identity token the gateway signs (a JWT) from the gateway to a service. */
    public static final String HEADER = "X-Benchpulse-Identity";
    /**
     * The plain user-name header earlier gateways sent. Nothing believes it any more; the gateway still strips it so a
     * client cannot pass it through to an old service.
     */
    public static final String UNSIGNED_USER_HEADER = "X-Benchpulse-User";
    /**
     * The custom header (any value) that marks a state-changing request as sent by a script or the dashboard: an HTML
     * form of another site cannot add a header, and a script of another site cannot without a CORS pre-flight that
     * nothing here allows.
     */
    public static final String CLIENT_HEADER = "X-Benchpulse-Client";
    /** The requester of a request that carries no identity: the open mode's visitors. */
    public static final String ANONYMOUS = "anonymous";

    static final String ISSUER = "benchpulse-gateway";
    static final String AUDIENCE = "benchpulse-services";
    static final String ROLES_CLAIM = "roles";
    static final String CLIENT_CLAIM = "client";

    private Identity() {
    }
}
