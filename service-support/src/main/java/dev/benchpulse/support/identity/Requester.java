package dev.benchpulse.support.identity;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.web.server.ServerWebExchange;

/**
 * Who sent a request: a signed-in user with their roles (secured mode), or an anonymous visitor (open mode); either
 * way the client's address as the gateway saw it, which quotas count by when nobody signs in.
 *
 * @param name          the user name, or {@link Identity#ANONYMOUS}
 * @param roles         the user's roles, each included role listed; empty for anonymous visitors
 * @param clientAddress the address the request came from (the gateway's view of the browser or script)
 */
public record Requester(String name, Set<Role> roles, String clientAddress) {

    /** The exchange attribute under which the services' identity filter leaves the requester. */
    public static final String ATTRIBUTE = Requester.class.getName();

    public Requester {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Requester anonymous(String clientAddress) {
        return new Requester(Identity.ANONYMOUS, Set.of(), clientAddress);
    }

    /** Whether the requester signed in (every signed-in user has at least the viewer role). */
    public boolean signedIn() {
        return !roles.isEmpty();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * The requester as a run request records it ({@code requestedBy}): the user when signed in, otherwise
     * {@code anonymous@<client address>}, so that the open mode's queue limit can count per address.
     */
    public String label() {
        return signedIn() ? name : Identity.ANONYMOUS + "@" + clientAddress;
    }

    /** What per-requester quotas count by: the user when signed in, otherwise the client's address. */
    public String quotaKey() {
        return signedIn() ? "user:" + name : "address:" + clientAddress;
    }

    /** The requester the identity filter found for this exchange, or an anonymous one from its remote address. */
    public static Requester of(ServerWebExchange exchange) {
        Requester requester = exchange.getAttribute(ATTRIBUTE);
        return requester != null ? requester : anonymous(remoteAddress(exchange));
    }

    /** The address of the connection's other end, or {@code unknown}. */
    public static String remoteAddress(ServerWebExchange exchange) {
        var remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null
                ? "unknown"
                : remote.getAddress().getHostAddress();
    }
}
