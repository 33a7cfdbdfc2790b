package dev.benchpulse.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.testsupport.SseRecorder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.util.UriComponentsBuilder;

/** Reconnection over real HTTP: replay after Last-Event-ID (header or query), earliest, and a bounded history. */
class HistoryIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final MercureHubTestServer hub = TestHubs.open();
    private final Publisher publisher = new Publisher(hub.hubUrl());
    private final String topic = TestHubs.topic();

    private List<String> publish(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(publisher.publishOk(hub.publisherToken(), "topic", topic, "data", "update " + i));
        }
        return ids;
    }

    private SseRecorder reconnect(String header, String query) {
        UriComponentsBuilder uri =
                UriComponentsBuilder.fromUriString(hub.hubUrl()).queryParam("topic", "{topic}");
        if (query != null) {
            uri.queryParam("lastEventID", "{last}");
        }
        URI target = uri.encode().buildAndExpand(topic, query).toUri();
        SseRecorder recorder = SseRecorder.subscribe(target, headers -> {
            if (header != null) {
                headers.set("Last-Event-ID", header);
            }
        });
        recorder.awaitStatus(WAIT);
        return recorder;
    }

    private static List<String> ids(List<ServerSentEvent<String>> events) {
        return events.stream().map(ServerSentEvent::id).toList();
    }

    @Test
    void a_subscriber_reconnecting_with_last_event_id_gets_every_missed_update_in_order() {
        List<String> ids = publish(5);

        try (SseRecorder subscriber = reconnect(ids.get(1), null)) {
            assertThat(ids(subscriber.awaitEvents(3, WAIT))).containsExactlyElementsOf(ids.subList(2, 5));
            assertThat(subscriber.responseHeaders().getFirst("Last-Event-ID")).isEqualTo(ids.get(1));
            String live = publisher.publishOk(hub.publisherToken(), "topic", topic, "data", "live");
            assertThat(ids(subscriber.awaitEvents(4, WAIT))).endsWith(live);
        }
    }

    @Test
    void the_last_event_id_query_parameter_works_and_the_header_wins_over_it() {
        List<String> ids = publish(4);

        try (SseRecorder byQuery = reconnect(null, ids.get(2));
                SseRecorder both = reconnect(ids.get(0), ids.get(2))) {
            assertThat(ids(byQuery.awaitEvents(1, WAIT))).containsExactly(ids.get(3));
            assertThat(ids(both.awaitEvents(3, WAIT))).containsExactlyElementsOf(ids.subList(1, 4));
            assertThat(both.responseHeaders().getFirst("Last-Event-ID")).isEqualTo(ids.get(0));
        }
    }

    @Test
    void earliest_replays_everything_kept_for_the_topic() {
        List<String> ids = publish(3);

        try (SseRecorder subscriber = reconnect("earliest", null)) {
            assertThat(ids(subscriber.awaitEvents(3, WAIT))).containsExactlyElementsOf(ids);
            assertThat(subscriber.responseHeaders().getFirst("Last-Event-ID")).isEqualTo("earliest");
        }
    }

    @Test
    void an_unknown_last_event_id_replays_what_is_kept_and_says_earliest() {
        List<String> ids = publish(2);

        try (SseRecorder subscriber = reconnect("urn:uuid:00000000-0000-0000-0000-000000000000", null)) {
            assertThat(ids(subscriber.awaitEvents(2, WAIT))).containsExactlyElementsOf(ids);
            assertThat(subscriber.responseHeaders().getFirst("Last-Event-ID")).isEqualTo("earliest");
        }
    }

    @Test
    void the_history_keeps_only_the_most_recent_updates() {
        // the shared open hub keeps 20 updates
        List<String> ids = publish(25);

        try (SseRecorder subscriber = reconnect("earliest", null)) {
            assertThat(ids(subscriber.awaitEvents(20, WAIT))).containsExactlyElementsOf(ids.subList(5, 25));
        }
    }
}
