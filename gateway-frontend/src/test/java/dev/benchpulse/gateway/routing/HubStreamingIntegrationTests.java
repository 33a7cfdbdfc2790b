package dev.benchpulse.gateway.routing;

import static dev.benchpulse.gateway.testing.Backends.HUB;
import static dev.benchpulse.gateway.testing.Backends.HUB_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.gateway.testing.Backends;
import dev.benchpulse.gateway.testing.OpenModeGateway;
import dev.benchpulse.testsupport.SseRecorder;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class HubStreamingIntegrationTests extends OpenModeGateway {

    static final String TEMPLATE_QUERY = "?topic=urn%3Abenchpulse%3Aruns%3A%7BrunId%7D";
    static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void streams_each_event_and_heartbeat_as_the_hub_sends_it() {
        try (SseRecorder stream = subscribe()) {
            assertThat(stream.awaitStatus(WAIT)).isEqualTo(HttpStatus.OK);
            assertThat(stream.responseHeaders().getContentType()).isEqualTo(MediaType.TEXT_EVENT_STREAM);
            await().atMost(WAIT).until(() -> HUB.subscribers(HUB_PATH) == 1);

            HUB.push(HUB_PATH, "id: urn:uuid:1\ndata: {\"type\":\"benchmark.started\"}\n\n");
            assertThat(stream.awaitEvents(1, WAIT))
                    .singleElement()
                    .satisfies(event -> assertThat(event.id()).isEqualTo("urn:uuid:1"));

            HUB.push(HUB_PATH, ": heartbeat\n\n");
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(stream.comments()).contains("heartbeat"));

            HUB.push(HUB_PATH, "id: urn:uuid:2\ndata: {\"type\":\"benchmark.progress\"}\n\n");
            assertThat(stream.awaitEvents(2, WAIT))
                    .extracting(event -> event.id())
                    .containsExactly("urn:uuid:1", "urn:uuid:2");
        }
    }

    @Test
    void keeps_a_quiet_stream_open_longer_than_the_api_timeout() {
        try (SseRecorder stream = subscribe()) {
            await().atMost(WAIT).until(() -> HUB.subscribers(HUB_PATH) == 1);

            await().during(Backends.API_TIMEOUT.plusSeconds(1))
                    .atMost(Backends.API_TIMEOUT.plusSeconds(5))
                    .until(() -> !stream.isCompleted() && stream.error() == null);
            HUB.push(HUB_PATH, "id: urn:uuid:late\ndata: {}\n\n");

            assertThat(stream.awaitEvents(1, WAIT))
                    .extracting(event -> event.id())
                    .containsExactly("urn:uuid:late");
        }
    }

    @Test
    void forwards_the_topic_template_and_the_last_event_id_to_the_hub_unchanged() {
        try (SseRecorder stream = SseRecorder.subscribe(
                URI.create(gateway() + HUB_PATH + TEMPLATE_QUERY),
                headers -> headers.set("Last-Event-ID", "urn:uuid:41"))) {
            await().atMost(WAIT).until(() -> HUB.subscribers(HUB_PATH) == 1);

            assertThat(HUB.last().uri()).isEqualTo(HUB_PATH + TEMPLATE_QUERY);
            assertThat(HUB.last().header("Last-Event-ID")).isEqualTo("urn:uuid:41");
        }
    }

    @Test
    void does_not_offer_publishing_through_the_gateway() {
        client.post()
                .uri(HUB_PATH)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("topic=x&data=y")
                .exchange()
                .expectStatus()
                .value(status -> assertThat(status).isIn(404, 405));
        assertThat(HUB.received()).isEmpty();
    }

    private SseRecorder subscribe() {
        return SseRecorder.subscribe(gateway() + HUB_PATH + TEMPLATE_QUERY);
    }
}
