package dev.benchpulse.launcher.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.launcher.config.HubKeys;
import dev.benchpulse.launcher.config.Ports;
import dev.benchpulse.launcher.config.StackLayout;
import dev.benchpulse.launcher.process.JavaCommand;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@code ./benchpulse up --hubs N}: what each hub instance, the notifier and the gateway are told. */
class ServicesTests {

    private static final Ports PORTS = new Ports(8080, 8081, 8082, 8083, 3000, 9092, 9093, 15432);
    private static final HubKeys KEYS = new HubKeys("publisher-key", "subscriber-key");

    private final Path home = Path.of("/tmp/benchpulse-services-test");
    private final Services services = new Services(new StackLayout(home, home.resolve(".benchpulse"),
            home.resolve(".benchpulse/cache")), PORTS, new JavaCommand(Path.of("java"), home, false), List.of(),
            "127.0.0.1");

    @Test
    void one_hub_keeps_its_history_in_memory_and_is_reached_directly() {
        List<SpringService> hubs = services.hubs(KEYS, 1, "127.0.0.1:9092");

        assertThat(hubs).extracting(SpringService::name).containsExactly("mercure-hub");
        assertThat(hubs.getFirst().environment()).doesNotContainKey("MERCURE_TRANSPORT");
        assertThat(services.notifier("127.0.0.1:9092", KEYS, 1).environment())
                .containsEntry("BENCHPULSE_HUB_TRANSPORT", "http");
        assertThat(services.gateway("127.0.0.1:9092", KEYS, 1).environment())
                .containsEntry("BENCHPULSE_HUB_INSTANCES", "");
    }

    @Test
    void several_hubs_form_a_cluster_over_kafka_on_consecutive_ports_behind_the_gateway() {
        List<SpringService> hubs = services.hubs(KEYS, 3, "127.0.0.1:9092");

        assertThat(hubs).extracting(SpringService::name).containsExactly("mercure-hub", "mercure-hub-2",
                "mercure-hub-3");
        assertThat(hubs).extracting(hub -> hub.environment().get("SERVER_PORT")).containsExactly("3000", "3001",
                "3002");
        assertThat(hubs).allSatisfy(hub -> assertThat(hub.environment())
                .containsEntry("MERCURE_TRANSPORT", "kafka")
                .containsEntry("MERCURE_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                .containsEntry("MERCURE_PUBLISHER_JWT_KEY", "publisher-key")
                .containsEntry("MERCURE_SUBSCRIBER_JWT_KEY", "subscriber-key"));
        assertThat(services.notifier("127.0.0.1:9092", KEYS, 3).environment())
                .containsEntry("BENCHPULSE_HUB_TRANSPORT", "kafka");
        assertThat(services.gateway("127.0.0.1:9092", KEYS, 3).environment()).containsEntry(
                "BENCHPULSE_HUB_INSTANCES", "http://127.0.0.1:3000,http://127.0.0.1:3001,http://127.0.0.1:3002");
    }
}
