package dev.benchpulse.contracts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RunTopicsTests {

    @Test
    void a_run_topic_is_the_prefix_and_the_run_id_which_the_template_stands_for() {
        UUID run = UUID.fromString("2f1c6a4e-8d1b-4c1e-9a43-0c3f1f0d9b7e");

        assertThat(RunTopics.of(run))
                .isEqualTo("urn:benchpulse:runs:2f1c6a4e-8d1b-4c1e-9a43-0c3f1f0d9b7e")
                .isEqualTo(RunTopics.of(run.toString()));
        assertThat(RunTopics.TEMPLATE).isEqualTo("urn:benchpulse:runs:{runId}");
    }
}
