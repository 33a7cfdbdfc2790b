package dev.benchpulse.notifier;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchpulse.testsupport.EmbeddedBroker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

class StartupIntegrationTests {

    @Test
    void refuses_to_start_without_a_publisher_key_and_says_which_variable_to_set() {
        SpringApplicationBuilder notifier = new SpringApplicationBuilder(NotifierServiceApplication.class)
                .properties(
                        "server.port=0",
                        "spring.kafka.bootstrap-servers=" + EmbeddedBroker.bootstrapServers(),
                        "benchpulse.notifier.hub.jwt.key=");

        assertThatThrownBy(() -> notifier.run().close())
                .rootCause()
                .hasMessageContaining("No Mercure publisher key")
                .hasMessageContaining("MERCURE_PUBLISHER_JWT_KEY");
    }
}
