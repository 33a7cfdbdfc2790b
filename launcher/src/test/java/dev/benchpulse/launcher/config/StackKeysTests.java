package dev.benchpulse.launcher.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackKeysTests {

    @TempDir
    Path state;

    @Test
    void first_start_generates_three_different_random_keys_readable_only_by_their_owner() throws Exception {
        Path file = state.resolve("keys.env");

        StackKeys keys = StackKeys.loadOrCreate(file);

        assertThat(Set.of(keys.publisher(), keys.subscriber(), keys.identity())).hasSize(3);
        assertThat(Base64.getUrlDecoder().decode(keys.identity())).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Base64.getUrlDecoder().decode(keys.publisher())).hasSizeGreaterThanOrEqualTo(32);
        assertThat(Base64.getUrlDecoder().decode(keys.subscriber())).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file))
                .contains(
                        "MERCURE_PUBLISHER_JWT_KEY=" + keys.publisher(),
                        "MERCURE_SUBSCRIBER_JWT_KEY=" + keys.subscriber(),
                        "BENCHPULSE_IDENTITY_KEY=" + keys.identity());
    }

    @Test
    void later_starts_keep_the_keys() throws Exception {
        Path file = state.resolve("keys.env");
        StackKeys first = StackKeys.loadOrCreate(file);

        StackKeys second = StackKeys.loadOrCreate(file);

        assertThat(second).isEqualTo(first);
        assertThat(StackKeys.loadOrCreate(state.resolve("other.env"))).isNotEqualTo(first);
    }

    @Test
    void a_key_file_opened_to_others_is_closed_again() throws Exception {
        Path file = state.resolve("keys.env");
        StackKeys.loadOrCreate(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        StackKeys.loadOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void never_shows_the_keys_in_its_string_form() throws Exception {
        StackKeys keys = StackKeys.loadOrCreate(state.resolve("keys.env"));

        assertThat(keys.toString())
                .doesNotContain(keys.publisher())
                .doesNotContain(keys.subscriber())
                .doesNotContain(keys.identity());
    }
}
