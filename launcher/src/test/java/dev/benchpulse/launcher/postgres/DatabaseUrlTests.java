package dev.benchpulse.launcher.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTests {

    @Test
    void reads_the_libpq_form_with_credentials_and_options() {
        Database database = DatabaseUrl.parse(
                "postgresql://bench:s%40cret@db.example:6432/results?sslmode=require",
                Optional.empty(), Optional.empty());

        assertThat(database.username()).isEqualTo("bench");
        assertThat(database.password()).isEqualTo("s@cret");
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6432/results?sslmode=require");
        assertThat(database.r2dbcUrl()).isEqualTo("r2dbc:postgresql://db.example:6432/results?sslMode=require");
        assertThat(database.springEnvironment())
                .containsEntry("SPRING_FLYWAY_USER", "bench")
                .containsEntry("SPRING_R2DBC_PASSWORD", "s@cret");
    }

    @Test
    void reads_a_jdbc_url_with_credentials_from_the_environment_and_the_default_port() {
        Database database = DatabaseUrl.parse(
                "jdbc:postgresql://db.example/benchpulse?user=u&password=p", Optional.of("override"), Optional.empty());

        assertThat(database.port()).isEqualTo(5432);
        assertThat(database.username()).isEqualTo("override");
        assertThat(database.password()).isEqualTo("p");
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:5432/benchpulse");
    }

    @Test
    void rejects_other_databases_without_showing_the_password() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:hunter2@db/x", Optional.empty(), Optional.empty()))
                .hasMessageContaining("postgresql://user:password@host:5432/benchpulse")
                .hasMessageContaining("mysql://root:***@db/x")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void a_url_without_a_database_name_is_rejected() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db.example:5432", Optional.empty(), Optional.empty()))
                .hasMessageContaining("needs a host and a database name");
    }

    @Test
    void messages_show_the_address_without_credentials() {
        Database database =
                DatabaseUrl.parse("postgresql://bench:secret@db:5432/results", Optional.empty(), Optional.empty());

        assertThat(database.display()).isEqualTo("postgresql://db:5432/results");
        assertThat(database.toString()).doesNotContain("secret");
    }
}
