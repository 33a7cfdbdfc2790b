package dev.benchpulse.launcher.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.launcher.config.Ports;
import dev.benchpulse.launcher.config.StackKeys;
import dev.benchpulse.launcher.config.StackLayout;
import dev.benchpulse.launcher.postgres.Database;
import dev.benchpulse.launcher.process.JavaCommand;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each component of the stack is started with: where it listens, which keys it holds, how many hubs. */
class ServicesTests {

    static final StackKeys KEYS = new StackKeys("p".repeat(43), "s".repeat(43), "i".repeat(43));
    final Services services = new Services(
            new StackLayout(Path.of("."), Path.of(".benchpulse"), Path.of(".benchpulse/cache")),
            new Ports(8080, 8081, 8082, 8083, 3000, 9092, 9093, 15432),
            new JavaCommand(Path.of("java"), Path.of(".benchpulse"), false),
            List.of(),
            "0.0.0.0");

    @Test
    void a_bind_address_opens_the_gateway_alone() {
        assertThat(services.gateway("127.0.0.1:9092", KEYS, 1).environment())
                .containsEntry("SERVER_ADDRESS", "0.0.0.0");
        for (SpringService backend : List.of(
                services.hub(KEYS),
                services.runner("127.0.0.1:9092", KEYS),
                services.results("127.0.0.1:9092", database(), KEYS),
                services.notifier("127.0.0.1:9092", KEYS, 1))) {
            assertThat(backend.environment()).as(backend.name()).containsEntry("SERVER_ADDRESS", "127.0.0.1");
        }
    }

    @Test
    void the_gateway_and_every_service_hold_the_identity_key_and_the_hub_requires_exp() {
        for (SpringService service : List.of(
                services.gateway("k", KEYS, 1),
                services.runner("k", KEYS),
                services.results("k", database(), KEYS),
                services.notifier("k", KEYS, 1))) {
            assertThat(service.environment())
                    .as(service.name())
                    .containsEntry("BENCHPULSE_IDENTITY_KEY", KEYS.identity());
        }
        assertThat(services.hub(KEYS).environment())
                .doesNotContainKey("BENCHPULSE_IDENTITY_KEY")
                .containsEntry("MERCURE_PUBLISHER_REQUIRE_EXP", "true")
                .containsEntry("MERCURE_SUBSCRIBER_REQUIRE_EXP", "true");
    }

    @Test
    void every_service_names_the_schemas_of_the_records_it_publishes_at_this_stacks_gateway() {
        Services onOtherPorts = new Services(
                new StackLayout(Path.of("."), Path.of(".benchpulse"), Path.of(".benchpulse/cache")),
                new Ports(9180, 9181, 9182, 9183, 9100, 9192, 9193, 9432),
                new JavaCommand(Path.of("java"), Path.of(".benchpulse"), false),
                List.of(),
                "127.0.0.1");

        for (SpringService service : List.of(
                onOtherPorts.gateway("k", KEYS, 1),
                onOtherPorts.runner("k", KEYS),
                onOtherPorts.results("k", database(), KEYS),
                onOtherPorts.notifier("k", KEYS, 1))) {
            assertThat(service.environment())
                    .as(service.name())
                    .containsEntry("BENCHPULSE_SCHEMA_BASE_URL", "http://localhost:9180/api/schemas/");
        }
    }

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

        assertThat(hubs)
                .extracting(SpringService::name)
                .containsExactly("mercure-hub", "mercure-hub-2", "mercure-hub-3");
        assertThat(hubs)
                .extracting(hub -> hub.environment().get("SERVER_PORT"))
                .containsExactly("3000", "3001", "3002");
        assertThat(hubs)
                .allSatisfy(hub -> assertThat(hub.environment())
                        .containsEntry("SERVER_ADDRESS", "127.0.0.1")
                        .containsEntry("MERCURE_TRANSPORT", "kafka")
                        .containsEntry("MERCURE_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
                        .containsEntry("MERCURE_PUBLISHER_JWT_KEY", KEYS.publisher())
                        .containsEntry("MERCURE_SUBSCRIBER_JWT_KEY", KEYS.subscriber())
                        .containsEntry("MERCURE_SUBSCRIBER_REQUIRE_EXP", "true"));
        assertThat(services.notifier("127.0.0.1:9092", KEYS, 3).environment())
                .containsEntry("BENCHPULSE_HUB_TRANSPORT", "kafka");
        assertThat(services.gateway("127.0.0.1:9092", KEYS, 3).environment())
                .containsEntry(
                        "BENCHPULSE_HUB_INSTANCES",
                        "http://127.0.0.1:3000,http://127.0.0.1:3001,http://127.0.0.1:3002");
    }

    private static Database database() {
        return new Database("127.0.0.1", 15432, "benchpulse", "benchpulse", "", Map.of());
    }
}
