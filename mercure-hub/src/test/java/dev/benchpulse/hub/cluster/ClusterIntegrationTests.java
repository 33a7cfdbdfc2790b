package dev.benchpulse.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.HubUpdate;
import dev.benchpulse.hub.Publisher;
import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.hub.testing.MercureTokens;
import dev.benchpulse.testsupport.EventSourceClient;
import dev.benchpulse.testsupport.SseRecorder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A hub cluster of real instances (each a hub application with its own Netty server) on a real, embedded Kafka
 * broker, observed with real SSE clients: every instance dispatches every update, in one order; private updates
 * stay private on every instance; a subscriber resumes on an instance started after the updates; a repeated id is
 * dispatched once; updates produced straight to the topic are dispatched with their ids, a bad record is skipped.
 */
@EmbeddedKafka(partitions = 1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final String publisherKey = MercureTokens.randomSecret();
    private final String subscriberKey = MercureTokens.randomSecret();
    private final String kafkaTopic = "hub-cluster-test-" + UUID.randomUUID();
    private final List<MercureHubTestServer> started = new ArrayList<>();
    private MercureHubTestServer a;
    private MercureHubTestServer b;
    private KafkaProducer<String, HubUpdate> producer;

    private String brokers() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
        return broker.getBrokersAsString();
    }

    private MercureHubTestServer instance(String... properties) {
        MercureHubTestServer.Builder builder = MercureHubTestServer.builder()
                .publisherKey(publisherKey)
                .subscriberKey(subscriberKey)
                .anonymous(true)
                .historySize(1000)
                .kafka(brokers(), kafkaTopic);
        for (int i = 0; i < properties.length; i += 2) {
            builder.property(properties[i], properties[i + 1]);
        }
        MercureHubTestServer hub = builder.start();
        started.add(hub);
        return hub;
    }

    @BeforeAll
    void twoInstances() {
        a = instance();
        b = instance();
    }

    @AfterAll
    void stop() {
        started.forEach(MercureHubTestServer::close);
        if (producer != null) {
            producer.close();
        }
    }

    private static String topic() {
        return "https://example.com/books/" + UUID.randomUUID();
    }

    private static URI subscription(MercureHubTestServer hub, String topic) {
        return UriComponentsBuilder.fromUriString(hub.hubUrl())
                .queryParam("topic", "{topic}")
                .encode()
                .buildAndExpand(topic)
                .toUri();
    }

    private static SseRecorder subscribe(MercureHubTestServer hub, String topic, String token, String lastEventId) {
        SseRecorder recorder = SseRecorder.subscribe(subscription(hub, topic), headers -> {
            if (token != null) {
                headers.setBearerAuth(token);
            }
            if (lastEventId != null) {
                headers.set("Last-Event-ID", lastEventId);
            }
        });
        assertThat(recorder.awaitStatus(WAIT).value()).isEqualTo(200);
        return recorder;
    }

    private String publish(MercureHubTestServer hub, String... pairs) {
        return new Publisher(hub.hubUrl()).publishOk(hub.publisherToken(), pairs);
    }

    private static List<String> ids(List<ServerSentEvent<String>> events) {
        return events.stream().map(ServerSentEvent::id).toList();
    }

    private KafkaProducer<String, byte[]> rawProducer() {
        return new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @Test
    void an_update_published_to_any_instance_reaches_the_subscribers_of_every_instance_in_one_order() {
        String topic = topic();
        try (SseRecorder onA = subscribe(a, topic, null, null);
                SseRecorder onB = subscribe(b, topic, null, null)) {
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                published.add(publish(i % 2 == 0 ? a : b, "topic", topic, "data", "update " + i));
            }

            assertThat(ids(onA.awaitEvents(10, WAIT))).containsExactlyElementsOf(published);
            assertThat(ids(onB.awaitEvents(10, WAIT))).containsExactlyElementsOf(published);
            assertThat(onB.data())
                    .containsExactly(
                            "update 0",
                            "update 1",
                            "update 2",
                            "update 3",
                            "update 4",
                            "update 5",
                            "update 6",
                            "update 7",
                            "update 8",
                            "update 9");
        }
    }

    @Test
    void a_private_update_reaches_only_the_subscribers_allowed_to_see_it_on_every_instance() {
        String topic = topic();
        String allowed = MercureTokens.hmac(subscriberKey).subscriber(topic);
        try (SseRecorder allowedOnB = subscribe(b, topic, allowed, null);
                SseRecorder anonymousOnA = subscribe(a, topic, null, null);
                SseRecorder anonymousOnB = subscribe(b, topic, null, null)) {
            String secret = publish(a, "topic", topic, "data", "secret", "private", "on");
            String open = publish(a, "topic", topic, "data", "open");

            assertThat(ids(allowedOnB.awaitEvents(2, WAIT))).containsExactly(secret, open);
            assertThat(ids(anonymousOnA.awaitEvents(1, WAIT))).containsExactly(open);
            assertThat(ids(anonymousOnB.awaitEvents(1, WAIT))).containsExactly(open);
        }
    }

    @Test
    void a_subscriber_resuming_on_an_instance_started_after_the_updates_gets_exactly_what_it_missed_in_order() {
        String topic = topic();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(publish(i % 2 == 0 ? a : b, "topic", topic, "data", "update " + i));
        }
        MercureHubTestServer late = instance();

        try (SseRecorder resumed = subscribe(late, topic, null, ids.get(1));
                SseRecorder everything = subscribe(late, topic, null, "earliest")) {
            assertThat(ids(resumed.awaitEvents(3, WAIT))).containsExactlyElementsOf(ids.subList(2, 5));
            assertThat(resumed.responseHeaders().getFirst("Last-Event-ID")).isEqualTo(ids.get(1));
            assertThat(ids(everything.awaitEvents(5, WAIT))).containsExactlyElementsOf(ids);
            String live = publish(a, "topic", topic, "data", "live");
            assertThat(ids(resumed.awaitEvents(4, WAIT)))
                    .containsExactlyElementsOf(List.of(ids.get(2), ids.get(3), ids.get(4), live));
        }
        try (SseRecorder unknown = subscribe(late, topic, null, "urn:uuid:" + UUID.randomUUID())) {
            assertThat(unknown.responseHeaders().getFirst("Last-Event-ID")).isEqualTo("earliest");
        }
    }

    @Test
    void older_updates_than_an_instance_keeps_in_memory_are_replayed_from_the_topic() {
        MercureHubTestServer small = instance("mercure.kafka.cache-size", "2");
        String topic = topic();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(publish(small, "topic", topic, "data", "update " + i));
        }

        try (SseRecorder resumed = subscribe(small, topic, null, ids.getFirst())) {
            assertThat(ids(resumed.awaitEvents(7, WAIT))).containsExactlyElementsOf(ids.subList(1, 8));
        }
    }

    @Test
    void a_repeated_id_is_answered_with_its_id_and_dispatched_once_by_every_instance() {
        String topic = topic();
        String id = "urn:uuid:" + UUID.randomUUID();
        try (SseRecorder onA = subscribe(a, topic, null, null);
                SseRecorder onB = subscribe(b, topic, null, null)) {
            assertThat(publish(a, "topic", topic, "id", id, "data", "first")).isEqualTo(id);
            assertThat(publish(b, "topic", topic, "id", id, "data", "retry")).isEqualTo(id);
            produce(new HubUpdate(id, List.of(topic), "retry straight to the topic", false, null, null, Instant.now()));
            String marker = publish(b, "topic", topic, "data", "marker");

            assertThat(ids(onA.awaitEvents(2, WAIT))).containsExactly(id, marker);
            assertThat(ids(onB.awaitEvents(2, WAIT))).containsExactly(id, marker);
            assertThat(onB.data()).containsExactly("first", "marker");
        }
    }

    @Test
    void updates_produced_straight_to_the_topic_are_dispatched_with_their_ids_and_a_bad_record_is_skipped() {
        String topic = topic();
        try (SseRecorder onA = subscribe(a, topic, null, null);
                SseRecorder onB = subscribe(b, topic, null, null);
                KafkaProducer<String, byte[]> raw = rawProducer()) {
            String first = "urn:uuid:" + UUID.randomUUID();
            produce(new HubUpdate(first, List.of(topic), "from the notifier", false, "progress", null, Instant.now()));
            raw.send(new ProducerRecord<>(kafkaTopic, "garbage", new byte[] {1, 2, 3}));
            raw.send(new ProducerRecord<>(
                    kafkaTopic,
                    "bad id",
                    Topics.HUB_UPDATES
                            .valueSerializer()
                            .serialize(
                                    kafkaTopic,
                                    new HubUpdate(
                                            "#reserved", List.of(topic), "x", false, null, null, Instant.now()))));
            raw.flush();
            String after = "urn:uuid:" + UUID.randomUUID();
            produce(new HubUpdate(after, List.of(topic), "after the bad records", false, null, null, Instant.now()));

            assertThat(ids(onA.awaitEvents(2, WAIT))).containsExactly(first, after);
            assertThat(onB.awaitEvents(2, WAIT))
                    .extracting(ServerSentEvent::id, ServerSentEvent::event)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(first, "progress"),
                            org.assertj.core.groups.Tuple.tuple(after, null));
        }
    }

    @Test
    void when_an_instance_stops_its_subscribers_reconnect_to_another_and_receive_every_update_exactly_once() {
        MercureHubTestServer leaving = instance();
        MercureHubTestServer staying = instance();
        String topic = topic();
        List<EventSourceClient> clients = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            clients.add(EventSourceClient.open(
                    List.of(
                            subscription(leaving, topic).toString(),
                            subscription(staying, topic).toString()),
                    headers -> {},
                    Duration.ofMillis(200)));
        }
        await().atMost(WAIT).until(() -> clients.stream().allMatch(c -> c.streamsOpened() == 1));
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 60; i++) {
                String id = "urn:uuid:" + UUID.randomUUID();
                produce(new HubUpdate(id, List.of(topic), "update " + i, false, null, null, Instant.now()));
                ids.add(id);
                if (i == 20) {
                    leaving.stop();
                }
                pace();
            }

            await().atMost(WAIT)
                    .untilAsserted(() -> clients.forEach(client -> {
                        assertThat(client.ids()).containsExactlyElementsOf(ids);
                        assertThat(client.streamsOpened()).isEqualTo(2);
                    }));
        } finally {
            clients.forEach(EventSourceClient::close);
        }
    }

    /** Publishing is spread over time, so that the instance stops while updates flow. */
    private static void pace() {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }

    @Test
    void an_instance_refuses_to_start_on_a_topic_with_more_than_one_partition() throws Exception {
        String wide = "hub-cluster-wide-" + UUID.randomUUID();
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", brokers()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(wide, 3, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        MercureHubTestServer.Builder builder = MercureHubTestServer.builder().kafka(brokers(), wide);

        org.assertj.core.api.Assertions.assertThatThrownBy(builder::start)
                .rootCause()
                .hasMessageContaining("has 3 partitions")
                .hasMessageContaining("exactly one");
    }

    /** Writes an update straight to the topic, as the notifier does, and waits for Kafka's acknowledgement. */
    private synchronized void produce(HubUpdate update) {
        if (producer == null) {
            producer = new KafkaProducer<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()),
                    Topics.HUB_UPDATES.keySerializer(),
                    Topics.HUB_UPDATES.valueSerializer());
        }
        try {
            producer.send(new ProducerRecord<>(kafkaTopic, update.getId(), update))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
