package dev.benchpulse.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenModeExposureTests {

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "::1", "127.0.0.2"})
    void says_nothing_on_loopback(String address) {
        assertThat(OpenModeExposure.warning(address, 8080)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "192.0.2.10", "", "::"})
    void warns_when_others_can_reach_the_open_mode(String address) {
        assertThat(OpenModeExposure.warning(address, 8080))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("Open mode on")
                        .contains("anyone")
                        .contains("BENCHPULSE_SECURITY_MODE=secured"));
    }
}
