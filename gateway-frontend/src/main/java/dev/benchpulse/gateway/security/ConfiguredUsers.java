package dev.benchpulse.gateway.security;

import dev.benchpulse.support.identity.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Builds the secured mode's accounts from configuration, refusing at start-up what would silently lock people
 * out or let them in: no users, a password without its encoding scheme, an unknown role. A user gets every role their
 * roles include (an admin is also an operator and a viewer), so each route's rule names only its least role.
 */
final class ConfiguredUsers {

    private static final Set<String> SCHEMES = Set.of("{bcrypt}", "{noop}", "{pbkdf2}", "{scrypt}", "{argon2}");

    private ConfiguredUsers() {}

    static MapReactiveUserDetailsService from(List<SecurityProperties.User> users) {
        if (users.isEmpty()) {
            throw new IllegalStateException("benchpulse.security.mode=secured but no users are configured. Add at"
                    + " least one: BENCHPULSE_SECURITY_USERS_0_NAME=alice, BENCHPULSE_SECURITY_USERS_0_PASSWORD="
                    + "{bcrypt}<hash> (or {noop}<password> for a trial), BENCHPULSE_SECURITY_USERS_0_ROLES=operator.");
        }
        Map<String, UserDetails> details = users.stream()
                .map(ConfiguredUsers::details)
                .collect(Collectors.toMap(UserDetails::getUsername, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("The user " + a.getUsername() + " is configured twice.");
                }));
        return new MapReactiveUserDetailsService(details);
    }

    private static UserDetails details(SecurityProperties.User user) {
        if (user.name() == null || user.name().isBlank()) {
            throw new IllegalStateException("A configured user has no name: set benchpulse.security.users[i].name.");
        }
        if (user.password() == null || SCHEMES.stream().noneMatch(user.password()::startsWith)) {
            throw new IllegalStateException("The password of user " + user.name() + " must name its encoding:"
                    + " {bcrypt}<hash> (for example from `htpasswd -bnBC 10 \"\" secret`) or {noop}<password>.");
        }
        Set<Role> roles = EnumSet.of(Role.VIEWER);
        for (String name : user.roles()) {
            Role role = Role.parse(name)
                    .orElseThrow(() -> new IllegalStateException("User " + user.name()
                            + " has the unknown role '" + name.trim().toLowerCase(Locale.ROOT)
                            + "': use viewer, operator or admin."));
            roles.addAll(role.withIncluded());
        }
        return User.withUsername(user.name())
                .password(user.password())
                .roles(roles.stream().map(Role::name).toArray(String[]::new))
                .build();
    }
}
