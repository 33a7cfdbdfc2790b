package dev.benchpulse.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;

class ConfiguredUsersTests {

    @Test
    void refuses_the_secured_mode_without_users_and_says_how_to_add_one() {
        assertThatThrownBy(() -> ConfiguredUsers.from(List.of()))
                .hasMessageContaining("no users are configured")
                .hasMessageContaining("BENCHPULSE_SECURITY_USERS_0_NAME");
    }

    @Test
    void refuses_a_password_that_does_not_name_its_encoding() {
        assertThatThrownBy(() -> ConfiguredUsers.from(
                        List.of(new SecurityProperties.User("alice", "secret", List.of("operator")))))
                .hasMessageContaining("alice")
                .hasMessageContaining("{bcrypt}");
    }

    @Test
    void refuses_an_unknown_role() {
        assertThatThrownBy(() -> ConfiguredUsers.from(
                        List.of(new SecurityProperties.User("alice", "{noop}secret", List.of("root")))))
                .hasMessageContaining("unknown role 'root'")
                .hasMessageContaining("viewer, operator or admin");
    }

    @Test
    void maps_roles_to_authorities() {
        var users = ConfiguredUsers.from(
                List.of(new SecurityProperties.User("alice", "{noop}secret", List.of("Operator", "viewer"))));

        assertThat(users.findByUsername("alice").block().getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_OPERATOR", "ROLE_VIEWER");
    }

    @Test
    void an_admin_is_also_an_operator_and_a_viewer_and_a_user_without_roles_a_viewer() {
        var users = ConfiguredUsers.from(List.of(
                new SecurityProperties.User("ada", "{noop}secret", List.of("admin")),
                new SecurityProperties.User("bob", "{noop}secret", List.of())));

        assertThat(users.findByUsername("ada").block().getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_OPERATOR", "ROLE_VIEWER");
        assertThat(users.findByUsername("bob").block().getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_VIEWER");
    }
}
