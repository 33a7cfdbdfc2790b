package dev.benchpulse.hub;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.hub.testing.MercureTokens;
import dev.benchpulse.testsupport.SseRecorder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Active subscriptions over real HTTP: subscription events and the JSON-LD subscriptions API with its access rules. */
class SubscriptionsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SUBSCRIPTIONS = "/.well-known/mercure/subscriptions{/topic}{/subscriber}";

    private final MercureHubTestServer hub = TestHubs.secured();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String reader = hub.subscriberToken(SUBSCRIPTIONS);

    private SseRecorder subscribe(String topic, String token) {
        URI uri = UriComponentsBuilder.fromUriString(hub.hubUrl())
                .queryParam("topic", "{t}")
                .encode()
                .buildAndExpand(topic)
                .toUri();
        SseRecorder recorder = SseRecorder.subscribe(uri, headers -> headers.setBearerAuth(token));
        recorder.awaitStatus(WAIT);
        return recorder;
    }

    private ResponseEntity<String> get(String path, String token) {
        return WebClient.create()
                .get()
                .uri(URI.create(hub.baseUrl() + path))
                .headers(h -> {
                    if (token != null) {
                        h.setBearerAuth(token);
                    }
                })
                .exchangeToMono(r -> r.toEntity(String.class))
                .block(WAIT);
    }

    private static String encode(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void opening_and_closing_a_subscription_publishes_private_subscription_events_with_the_payload() {
        String topic = TestHubs.topic();
        String withPayload = MercureTokens.hmac(hub.subscriberKey())
                .claims()
                .subscribe(topic)
                .payload(Map.of("user", "alice"))
                .sign();
        try (SseRecorder watcher =
                subscribe("/.well-known/mercure/subscriptions/" + encode(topic) + "{/subscriber}", reader)) {
            SseRecorder alice = subscribe(topic, withPayload);
            JsonNode joined =
                    json.readTree(watcher.awaitEvents(1, WAIT).getFirst().data());
            alice.close();
            JsonNode left = json.readTree(watcher.awaitEvents(2, WAIT).get(1).data());

            assertThat(joined.get("@context").asString()).isEqualTo("https://mercure.rocks/");
            assertThat(joined.get("type").asString()).isEqualTo("Subscription");
            assertThat(joined.get("topic").asString()).isEqualTo(topic);
            assertThat(joined.get("subscriber").asString()).startsWith("urn:uuid:");
            assertThat(joined.get("id").asString())
                    .isEqualTo("/.well-known/mercure/subscriptions/" + encode(topic) + "/"
                            + encode(joined.get("subscriber").asString()));
            assertThat(joined.get("active").asBoolean()).isTrue();
            assertThat(joined.get("payload").get("user").asString()).isEqualTo("alice");
            assertThat(left.get("active").asBoolean()).isFalse();
            assertThat(left.get("subscriber").asString())
                    .isEqualTo(joined.get("subscriber").asString());
        }
    }

    @Test
    void subscription_events_reach_only_subscribers_allowed_to_see_them() {
        String topic = TestHubs.topic();
        try (SseRecorder outsider = subscribe(
                        "/.well-known/mercure/subscriptions{/topic}{/subscriber}", hub.subscriberToken(topic));
                SseRecorder insider = subscribe("/.well-known/mercure/subscriptions{/topic}{/subscriber}", reader)) {
            subscribe(topic, hub.subscriberToken()).close();

            insider.awaitEvents(e -> e.data() != null && e.data().contains(encode(topic)), 2, WAIT);
            assertThat(outsider.events()).isEmpty();
        }
    }

    @Test
    void the_api_lists_active_subscriptions_all_of_a_topic_and_one_as_json_ld() {
        String topic = TestHubs.topic();
        try (SseRecorder subscriber = subscribe(
                topic,
                MercureTokens.hmac(hub.subscriberKey())
                        .claims()
                        .subscribe("*")
                        .payload(Map.of("user", "bob"))
                        .sign())) {
            ResponseEntity<String> all = get("/.well-known/mercure/subscriptions", reader);
            ResponseEntity<String> ofTopic = get("/.well-known/mercure/subscriptions/" + encode(topic), reader);
            JsonNode collection = json.readTree(ofTopic.getBody());
            JsonNode listed = collection.get("subscriptions").get(0);
            ResponseEntity<String> one = get(listed.get("id").asString(), reader);

            assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(all.getHeaders().getContentType()).hasToString("application/ld+json");
            assertThat(all.getBody()).contains(listed.get("subscriber").asString());
            assertThat(collection.get("type").asString()).isEqualTo("Subscriptions");
            assertThat(collection.get("id").asString())
                    .isEqualTo("/.well-known/mercure/subscriptions/" + encode(topic));
            assertThat(collection.get("lastEventID").asString()).isNotBlank();
            assertThat(collection.get("subscriptions")).hasSize(1);
            assertThat(listed.get("payload").get("user").asString()).isEqualTo("bob");
            assertThat(one.getStatusCode()).isEqualTo(HttpStatus.OK);
            JsonNode single = json.readTree(one.getBody());
            assertThat(single.get("type").asString()).isEqualTo("Subscription");
            assertThat(single.get("topic").asString()).isEqualTo(topic);
            assertThat(single.get("active").asBoolean()).isTrue();
            assertThat(single.get("lastEventID")).isNotNull();
        }
    }

    @Test
    void the_api_needs_a_token_matching_the_requested_url_and_answers_404_for_unknown_subscriptions() {
        String topic = TestHubs.topic();
        String path = "/.well-known/mercure/subscriptions/" + encode(topic);

        assertThat(get(path, null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(get(path, hub.subscriberToken(topic)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get(path + "/" + encode("urn:uuid:unknown"), reader).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
