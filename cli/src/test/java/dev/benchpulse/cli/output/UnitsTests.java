package dev.benchpulse.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTests {

    @Test
    void times_get_the_unit_that_keeps_three_significant_digits() {
        assertThat(Units.time(812.0)).isEqualTo("812 ns");
        assertThat(Units.time(1234.0)).isEqualTo("1.23 µs");
        assertThat(Units.time(45_600_000.0)).isEqualTo("45.6 ms");
        assertThat(Units.time(2.5e9)).isEqualTo("2.50 s");
        assertThat(Units.time(null)).isEqualTo("-");
    }

    @Test
    void the_interval_half_width_is_in_the_unit_of_the_mean() {
        assertThat(Units.meanWithInterval(1500.0, 1450.0, 1550.0)).isEqualTo("1.50 µs ± 0.050");
        assertThat(Units.meanWithInterval(1500.0, null, null)).isEqualTo("1.50 µs");
    }

    @Test
    void ratios_print_as_percentages() {
        assertThat(Units.percent(0.031)).isEqualTo("3.1%");
    }
}
