package dev.benchpulse.gateway.visitor;

import dev.benchpulse.support.identity.Requester;
import dev.benchpulse.support.identity.Role;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Who is on the other end of a request. */
public final class Visitors {

    private Visitors() {}

    /** Whether the principal is a user who signed in (never true in the open mode). */
    public static boolean isSignedIn(Principal principal) {
        return principal instanceof Authentication authentication
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }

    /**
     * The requester of an exchange, as the services are told: the signed-in user with their roles, or an anonymous
     * visitor; either way at the address the connection comes from.
     */
    public static Mono<Requester> requester(ServerWebExchange exchange) {
        String address = Requester.remoteAddress(exchange);
        return exchange.getPrincipal()
                .filter(Visitors::isSignedIn)
                .map(principal -> new Requester(principal.getName(), roles((Authentication) principal), address))
                .defaultIfEmpty(Requester.anonymous(address));
    }

    /** The roles among an authentication's authorities ({@code ROLE_OPERATOR} and so on). */
    public static Set<Role> roles(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                Role.parse(name.substring(5)).ifPresent(roles::add);
            }
        }
        return roles;
    }
}
