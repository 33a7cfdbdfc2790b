package dev.benchpulse.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.HubUpdate;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.gateway.testing.Backends;
import dev.benchpulse.hub.dispatch.Hub;
import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.hub.testing.MercureTokens;
import dev.benchpulse.testsupport.EventSourceClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A hub cluster behind the gateway: three real hub instances on a real (embedded) Kafka broker, reached only
 * through the gateway's {@code /.well-known/mercure} by real SSE clients that reconnect like a browser's
 * EventSource. New subscribers are spread over the instances; when one instance stops, its subscribers reconnect
 * through the gateway to the others and receive every update exactly once, and new subscribers avoid it; one that a
 * full instance refuses (503) is sent to another by the gateway.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.cloud.loadbalancer.health-check.interval=500ms")
class HubClusterRoutingIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String KAFKA_TOPIC = "gateway-hub-cluster-" + UUID.randomUUID();
    private static final EmbeddedKafkaKraftBroker BROKER = broker();
    private static final String PUBLISHER_KEY = MercureTokens.randomSecret();
    /** The third instance holds at most three subscriptions, as a full instance would. */
    private static final int BOUND = 3;

    private static final List<MercureHubTestServer> HUBS = List.of(hub(0), hub(0), hub(BOUND));
    private static final KafkaProducer<String, HubUpdate> PRODUCER = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString()),
            Topics.HUB_UPDATES.keySerializer(),
            Topics.HUB_UPDATES.valueSerializer());

    @LocalServerPort
    int port;

    private static EmbeddedKafkaKraftBroker broker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        return broker;
    }

    private static MercureHubTestServer hub(int subscribers) {
        return MercureHubTestServer.builder()
                .publisherKey(PUBLISHER_KEY)
                .subscriberKey(Backends.SUBSCRIBER_KEY)
                .anonymous(true)
                .kafka(BROKER.getBrokersAsString(), KAFKA_TOPIC)
                .property("mercure.limits.subscribers", String.valueOf(subscribers))
                .start();
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.register(registry);
        registry.add(
                "benchpulse.services.hub-instances",
                () -> String.join(
                        ",", HUBS.stream().map(MercureHubTestServer::baseUrl).toList()));
    }

    /** Each test starts with empty instances: the third's bound counts the streams of the test before until they end. */
    @AfterEach
    void streamsEnded() {
        await().atMost(WAIT).until(() -> HUBS.stream().allMatch(hub -> subscribersOn(hub) == 0));
    }

    @AfterAll
    static void stop() {
        PRODUCER.close();
        HUBS.forEach(MercureHubTestServer::close);
        BROKER.destroy();
    }

    private String subscription(String topic) {
        return "http://127.0.0.1:" + port + "/.well-known/mercure?topic="
                + URLEncoder.encode(topic, StandardCharsets.UTF_8);
    }

    private static String produce(String topic, int number) {
        String id = "urn:uuid:" + UUID.randomUUID();
        try {
            PRODUCER.send(new ProducerRecord<>(
                            KAFKA_TOPIC,
                            id,
                            new HubUpdate(id, List.of(topic), "update " + number, false, null, null, Instant.now())))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return id;
    }

    private static int subscribersOn(MercureHubTestServer hub) {
        return hub.isRunning() ? hub.context().getBean(Hub.class).subscribers().size() : 0;
    }

    private List<EventSourceClient> open(String topic, int count) {
        List<EventSourceClient> clients = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            clients.add(EventSourceClient.open(List.of(subscription(topic)), headers -> {}, Duration.ofMillis(300)));
        }
        return clients;
    }

    @Test
    void new_subscribers_are_spread_over_the_instances_and_all_of_them_get_every_update() {
        String topic = RunTopics.of(UUID.randomUUID());
        List<EventSourceClient> clients = open(topic, 9);
        try {
            await().atMost(WAIT).until(() -> clients.stream().allMatch(c -> c.streamsOpened() == 1));
            // every running instance got some (another test may have stopped one)
            await().atMost(WAIT)
                    .untilAsserted(() -> HUBS.stream()
                            .filter(MercureHubTestServer::isRunning)
                            .forEach(hub -> assertThat(subscribersOn(hub)).isPositive()));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                ids.add(produce(topic, i));
            }

            await().atMost(WAIT)
                    .untilAsserted(
                            () -> clients.forEach(c -> assertThat(c.ids()).isEqualTo(ids)));
        } finally {
            clients.forEach(EventSourceClient::close);
        }
    }

    @Test
    void a_subscriber_that_a_full_instance_refuses_is_sent_to_another_without_seeing_the_refusal() {
        String topic = RunTopics.of(UUID.randomUUID());
        List<EventSourceClient> clients = new ArrayList<>();
        try {
            // one after another, so the balancer's turns are not interleaved: the third instance is full after
            // three, and every later turn of it is refused and retried on the next instance
            for (int i = 0; i < 12; i++) {
                EventSourceClient client = open(topic, 1).getFirst();
                clients.add(client);
                await().atMost(WAIT).until(() -> client.streamsOpened() == 1);
            }

            assertThat(subscribersOn(HUBS.get(2))).isEqualTo(BOUND);
            assertThat(clients)
                    .as("every client connected once: the gateway retried the full instance's 503 elsewhere")
                    .allMatch(c -> c.attempts() == 1);
            String id = produce(topic, 0);
            await().atMost(WAIT)
                    .untilAsserted(
                            () -> clients.forEach(c -> assertThat(c.ids()).containsExactly(id)));
        } finally {
            clients.forEach(EventSourceClient::close);
        }
    }

    @Test
    void when_an_instance_stops_its_subscribers_come_back_through_the_gateway_and_miss_nothing() {
        String topic = RunTopics.of(UUID.randomUUID());
        List<EventSourceClient> clients = open(topic, 12);
        MercureHubTestServer leaving = HUBS.getFirst();
        try {
            await().atMost(WAIT).until(() -> clients.stream().allMatch(c -> c.streamsOpened() == 1));
            await().atMost(WAIT).until(() -> subscribersOn(leaving) > 0);
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                ids.add(produce(topic, i));
                if (i == 20) {
                    leaving.stop();
                }
                // updates keep flowing while the instance goes and its subscribers come back
                LockSupport.parkNanos(Duration.ofMillis(25).toNanos());
            }

            await().atMost(WAIT)
                    .untilAsserted(() -> clients.forEach(client -> {
                        assertThat(client.ids()).isEqualTo(ids);
                        assertThat(client.repeatedIds()).isEmpty();
                    }));
            assertThat(clients).anyMatch(c -> c.streamsOpened() == 2);

            List<EventSourceClient> newcomers = open(topic, 6);
            try {
                await().atMost(WAIT).until(() -> newcomers.stream().allMatch(c -> c.streamsOpened() >= 1));
                assertThat(subscribersOn(HUBS.get(1)) + subscribersOn(HUBS.get(2)))
                        .isEqualTo(12 + 6);
            } finally {
                newcomers.forEach(EventSourceClient::close);
            }
        } finally {
            clients.forEach(EventSourceClient::close);
        }
    }
}
