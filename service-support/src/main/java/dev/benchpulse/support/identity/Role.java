package dev.benchpulse.support.identity;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The roles of the secured mode, each including the ones before it: a viewer watches; an operator also starts,
 * cancels and calibrates runs and changes baselines and thresholds; an admin also reads the operational endpoints.
 */
public enum Role {
    VIEWER,
    OPERATOR,
    ADMIN;

    /** This role and every role it includes. */
    public Set<Role> withIncluded() {
        return EnumSet.range(VIEWER, this);
    }

    /** The name used in configuration, tokens and messages: {@code viewer}, {@code operator}, {@code admin}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role named {@code id} (any case), if there is one. */
    public static Optional<Role> parse(String id) {
        return Arrays.stream(values())
                .filter(r -> r.id().equalsIgnoreCase(id == null ? "" : id.trim()))
                .findFirst();
    }
}
