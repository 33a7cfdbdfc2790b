package dev.benchpulse.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may do what. Users come from configuration only (for example {@code BENCHPULSE_SECURITY_USERS_0_NAME},
 * {@code _PASSWORD}, {@code _ROLES}); there is no default user or password.
 *
 * @param mode {@code open} (anyone may watch and start runs) or {@code secured}
 * @param users the accounts of the secured mode
 */
@ConfigurationProperties("benchpulse.security")
public record SecurityProperties(
        @DefaultValue("open") Mode mode, @DefaultValue List<User> users) {

    public enum Mode {
        OPEN,
        SECURED
    }

    /**
     * @param name the sign-in name, forwarded to the services as the requester
     * @param password encoded with its scheme: {@code {bcrypt}$2a$…} or {@code {noop}plain}
     * @param roles {@code viewer} (watch), {@code operator} (also start, cancel and calibrate runs, change baselines
     *        and thresholds) or {@code admin} (also read Actuator); each includes the ones before it
     */
    public record User(
            String name,
            String password,
            @DefaultValue("viewer") List<String> roles) {}
}
