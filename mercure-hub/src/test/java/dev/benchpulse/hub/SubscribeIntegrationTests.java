package dev.benchpulse.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.testsupport.SseRecorder;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.util.UriComponentsBuilder;

/** Subscribing over real HTTP with a real SSE client: selectors, every SSE field, the stream's headers, heartbeats. */
class SubscribeIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MercureHubTestServer hub = TestHubs.open();
    private final Publisher publisher = new Publisher(hub.hubUrl());

    static URI subscription(MercureHubTestServer hub, String... topics) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(hub.hubUrl());
        for (String topic : topics) {
            uri.queryParam("topic", "{t" + uri.build().getQueryParams().size() + "}");
        }
        return uri.encode().buildAndExpand((Object[]) topics).toUri();
    }

    static SseRecorder subscribe(MercureHubTestServer hub, String... topics) {
        SseRecorder recorder = SseRecorder.subscribe(subscription(hub, topics), headers -> {});
        recorder.awaitStatus(WAIT);
        return recorder;
    }

    @Test
    void a_subscriber_receives_updates_of_its_exact_topic_and_not_of_others() {
        String topic = TestHubs.topic();
        try (SseRecorder subscriber = subscribe(hub, topic)) {
            publisher.publishOk(hub.publisherToken(), "topic", TestHubs.topic(), "data", "other");
            publisher.publishOk(hub.publisherToken(), "topic", topic, "data", "mine");

            assertThat(subscriber.awaitEvents(1, WAIT))
                    .extracting(ServerSentEvent::data)
                    .containsExactly("mine");
        }
    }

    @Test
    void uri_template_and_wildcard_selectors_match_topics() {
        String base = "https://example.com/runs/" + System.nanoTime();
        try (SseRecorder template = subscribe(hub, base + "/{id}{?format}");
                SseRecorder wildcard = subscribe(hub, "*")) {
            publisher.publishOk(hub.publisherToken(), "topic", base + "/42?format=json", "data", "matches");
            publisher.publishOk(hub.publisherToken(), "topic", base + "/42/samples", "data", "does not match");

            assertThat(wildcard.awaitEvents(e -> e.data().startsWith("does not"), 1, WAIT))
                    .hasSize(1);
            assertThat(template.data()).containsExactly("matches");
        }
    }

    @Test
    void every_sse_field_reaches_the_subscriber_and_multi_line_data_stays_whole() {
        String topic = TestHubs.topic();
        try (SseRecorder subscriber = subscribe(hub, topic)) {
            publisher.publishOk(
                    hub.publisherToken(),
                    "topic",
                    topic,
                    "id",
                    "urn:example:event:1",
                    "type",
                    "book.updated",
                    "retry",
                    "2500",
                    "data",
                    "line one\nline two\r\nline three");

            ServerSentEvent<String> event = subscriber.awaitEvents(1, WAIT).getFirst();
            assertThat(event.id()).isEqualTo("urn:example:event:1");
            assertThat(event.event()).isEqualTo("book.updated");
            assertThat(event.retry()).isEqualTo(Duration.ofMillis(2500));
            assertThat(event.data()).isEqualTo("line one\nline two\nline three");
        }
    }

    @Test
    void the_stream_opens_with_a_comment_and_the_headers_proxies_need() {
        try (SseRecorder subscriber = subscribe(hub, TestHubs.topic())) {
            assertThat(subscriber.awaitStatus(WAIT)).isEqualTo(HttpStatus.OK);
            var headers = subscriber.responseHeaders();
            assertThat(headers.getContentType())
                    .isNotNull()
                    .matches(type -> type.isCompatibleWith(MediaType.TEXT_EVENT_STREAM));
            assertThat(headers.getCacheControl()).contains("no-cache");
            assertThat(headers.getFirst("X-Accel-Buffering")).isEqualTo("no");
            assertThat(headers.getFirst("Link")).isEqualTo("<" + hub.hubUrl() + ">; rel=\"mercure\"");
            org.awaitility.Awaitility.await()
                    .atMost(WAIT)
                    .until(() -> !subscriber.comments().isEmpty());
        }
    }

    @Test
    void an_idle_stream_receives_heartbeat_comments() {
        try (SseRecorder subscriber = subscribe(hub, TestHubs.topic())) {
            // the shared hub beats every 400 ms: the opening comment plus at least two heartbeats within 3 s
            org.awaitility.Awaitility.await()
                    .atMost(Duration.ofSeconds(3))
                    .until(() -> subscriber.comments().size() >= 3);
            assertThat(subscriber.events()).isEmpty();
        }
    }

    @Test
    void a_subscription_without_topic_is_refused_with_a_problem() {
        SseRecorder subscriber = SseRecorder.subscribe(URI.create(hub.hubUrl()), headers -> {});
        assertThat(subscriber.awaitStatus(WAIT)).isEqualTo(HttpStatus.BAD_REQUEST);
        subscriber.close();
    }

    static List<String> ids(List<ServerSentEvent<String>> events) {
        return events.stream().map(ServerSentEvent::id).toList();
    }
}
