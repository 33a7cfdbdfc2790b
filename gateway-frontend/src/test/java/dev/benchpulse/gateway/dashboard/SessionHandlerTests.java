package dev.benchpulse.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.gateway.security.SecurityProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.reactive.function.server.MockServerRequest;
import org.springframework.web.reactive.function.server.EntityResponse;

class SessionHandlerTests {

    @Test
    void names_the_topic_template_of_every_runs_updates_for_the_pages_live_stream() {
        SessionHandler handler = new SessionHandler(new SecurityProperties(SecurityProperties.Mode.OPEN, List.of()));

        @SuppressWarnings("unchecked")
        EntityResponse<SessionHandler.Session> response = (EntityResponse<SessionHandler.Session>)
                handler.describe(MockServerRequest.builder().build()).block();

        assertThat(response.entity().runTopics()).isEqualTo(RunTopics.TEMPLATE);
        assertThat(response.entity().canOperate()).isTrue();
    }
}
