package dev.benchpulse.runner.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BoundedOutputTests {

    @Test
    void keeps_everything_below_the_capacity() {
        BoundedOutput output = new BoundedOutput(64);

        output.drain(new ByteArrayInputStream("hello\nworld\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(output.text()).isEqualTo("hello\nworld\n");
        assertThat(output.truncated()).isFalse();
    }

    @Test
    void keeps_only_the_last_bytes_of_a_flood() {
        BoundedOutput output = new BoundedOutput(16);
        String flood = "x".repeat(1_000_000) + "{\"last\":1}\n";

        output.drain(new ByteArrayInputStream(flood.getBytes(StandardCharsets.UTF_8)));

        assertThat(output.text()).hasSize(16).endsWith("{\"last\":1}\n");
        assertThat(output.truncated()).isTrue();
        assertThat(output.totalBytes()).isEqualTo(flood.length());
    }
}
