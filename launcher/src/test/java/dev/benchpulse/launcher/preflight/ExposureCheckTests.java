package dev.benchpulse.launcher.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExposureCheckTests {

    @Test
    void says_nothing_on_loopback_or_in_the_secured_mode() {
        assertThat(ExposureCheck.warning("127.0.0.1", null)).isEmpty();
        assertThat(ExposureCheck.warning("localhost", "open")).isEmpty();
        assertThat(ExposureCheck.warning("0.0.0.0", "secured")).isEmpty();
    }

    @Test
    void warns_when_the_open_mode_is_opened_to_the_network() {
        assertThat(ExposureCheck.warning("0.0.0.0", null))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("0.0.0.0")
                        .contains("open mode")
                        .contains("BENCHPULSE_SECURITY_MODE=secured"));
        assertThat(ExposureCheck.warning("192.0.2.10", "open")).isPresent();
    }
}
