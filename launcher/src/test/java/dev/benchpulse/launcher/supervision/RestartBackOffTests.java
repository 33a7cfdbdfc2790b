package dev.benchpulse.launcher.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RestartBackOffTests {

    private final RestartBackOff backOff = new RestartBackOff(RestartBackOff.Schedule.COMPOSE);

    @Test
    void a_component_that_keeps_dying_waits_twice_as_long_each_time_up_to_half_a_minute() {
        assertThat(IntStream.range(0, 7).mapToObj(i -> backOff.after(Duration.ofSeconds(2))))
                .extracting(Duration::toSeconds)
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void a_component_that_stayed_up_a_minute_waits_one_second_again() {
        backOff.after(Duration.ZERO);
        backOff.after(Duration.ZERO);
        backOff.after(Duration.ZERO);

        assertThat(backOff.after(Duration.ofSeconds(59))).isEqualTo(Duration.ofSeconds(8));
        assertThat(backOff.after(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backOff.after(Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
    }
}
