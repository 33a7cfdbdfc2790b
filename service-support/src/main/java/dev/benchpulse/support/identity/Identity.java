package dev.benchpulse.support.identity;

/**
 * The names the gateway and the services share about who is asking: the claims of the identity token, its issuer
 * and audience. Defined once here so that the side that signs and the side that verifies cannot drift. The headers
 * that carry the token and mark a script's request are in contracts' {@code ApiHeaders}, which the CLI shares.
 */
public final class Identity {

    /** The requester of a request that carries no identity: the open mode's visitors. */
    public static final String ANONYMOUS = "anonymous";

    static final String ISSUER = "benchpulse-gateway";
    static final String AUDIENCE = "benchpulse-services";
    static final String ROLES_CLAIM = "roles";
    static final String CLIENT_CLAIM = "client";

    private Identity() {}
}
