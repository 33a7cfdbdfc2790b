package dev.benchpulse.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.testsupport.SseRecorder;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * A subscriber that stops reading is disconnected once its backlog passes the configured bound, while a subscriber
 * that keeps reading gets every update.
 */
class SlowSubscriberIntegrationTests {

    @Test
    void a_subscriber_that_stops_reading_is_disconnected_and_the_others_keep_receiving() throws Exception {
        try (MercureHubTestServer hub = MercureHubTestServer.builder()
                        .anonymous(true)
                        .property("mercure.dispatch.subscriber-buffer", "4")
                        .start();
                Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(4096); // before connecting, so the advertised window stays small
            stalled.connect(new java.net.InetSocketAddress("127.0.0.1", hub.port()));
            stalled.setSoTimeout(10_000);
            OutputStream request = stalled.getOutputStream();
            request.write(("GET /.well-known/mercure?topic=big HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            InputStream response = stalled.getInputStream();
            assertThat(new String(response.readNBytes(15), StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 200 OK");
            Publisher publisher = new Publisher(hub.hubUrl());
            String data = "x".repeat(64 * 1024);
            // the kernel's socket buffers absorb a few megabytes first: publish until the hub gives up on the reader
            for (int i = 0; i < 4_000 && (i % 25 != 0 || slowSubscribers(hub) < 1); i++) {
                publisher.publishOk(hub.publisherToken(), "topic", "big", "data", data);
            }

            assertThat(slowSubscribers(hub)).isGreaterThanOrEqualTo(1);
            // the hub closed the stalled stream: reading what is left ends at end-of-stream
            response.skip(Long.MAX_VALUE);
            assertThat(response.read()).isEqualTo(-1);
            try (SseRecorder reader = SubscribeIntegrationTests.subscribe(hub, "big")) {
                publisher.publishOk(hub.publisherToken(), "topic", "big", "data", "still served");
                await().atMost(Duration.ofSeconds(10)).until(() -> reader.data().contains("still served"));
            }
        }
    }

    private static double slowSubscribers(MercureHubTestServer hub) {
        String body = WebClient.create()
                .get()
                .uri(hub.baseUrl() + "/actuator/metrics/mercure.subscribers.slow")
                .retrieve()
                .bodyToMono(String.class)
                .block(Duration.ofSeconds(5));
        String value = body.replaceAll(".*\"value\":([0-9.]+).*", "$1");
        return Double.parseDouble(value);
    }
}
