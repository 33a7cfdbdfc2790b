package dev.benchpulse.gateway.security;

import java.security.Principal;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/** Who is on the other end of a request. */
public final class Visitors {

    private Visitors() {
    }

    /** Whether the principal is a user who signed in (never true in the open mode). */
    public static boolean isSignedIn(Principal principal) {
        return principal instanceof Authentication authentication && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken);
    }
}
