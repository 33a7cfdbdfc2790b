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

/** What each component of the stack is started with: where it listens, which keys it holds. */
class ServicesTests {

    static final StackKeys KEYS = new StackKeys("p".repeat(43), "s".repeat(43), "i".repeat(43));
    final Services services = new Services(new StackLayout(Path.of("."), Path.of(".benchpulse"),
            Path.of(".benchpulse/cache")), new Ports(8080, 8081, 8082, 8083, 3000, 9092, 9093, 15432),
            new JavaCommand(Path.of("java"), Path.of(".benchpulse"), false), List.of(), "0.0.0.0");

    @Test
    void a_bind_address_opens_the_gateway_alone() {
        assertThat(services.gateway("127.0.0.1:9092", KEYS).environment()).containsEntry("SERVER_ADDRESS", "0.0.0.0");
        for (SpringService backend : List.of(services.hub(KEYS), services.runner("127.0.0.1:9092", KEYS),
                services.results("127.0.0.1:9092", database(), KEYS), services.notifier("127.0.0.1:9092", KEYS))) {
            assertThat(backend.environment()).as(backend.name()).containsEntry("SERVER_ADDRESS", "127.0.0.1");
        }
    }

    @Test
    void the_gateway_and_every_service_hold_the_identity_key_and_the_hub_requires_exp() {
        for (SpringService service : List.of(services.gateway("k", KEYS), services.runner("k", KEYS),
                services.results("k", database(), KEYS), services.notifier("k", KEYS))) {
            assertThat(service.environment()).as(service.name())
                    .containsEntry("BENCHPULSE_IDENTITY_KEY", KEYS.identity());
        }
        assertThat(services.hub(KEYS).environment()).doesNotContainKey("BENCHPULSE_IDENTITY_KEY")
                .containsEntry("MERCURE_PUBLISHER_REQUIRE_EXP", "true")
                .containsEntry("MERCURE_SUBSCRIBER_REQUIRE_EXP", "true");
    }

    @Test
    void every_service_names_the_schemas_of_the_records_it_publishes_at_this_stacks_gateway() {
        Services onOtherPorts = new Services(new StackLayout(Path.of("."), Path.of(".benchpulse"),
                Path.of(".benchpulse/cache")), new Ports(9180, 9181, 9182, 9183, 9100, 9192, 9193, 9432),
                new JavaCommand(Path.of("java"), Path.of(".benchpulse"), false), List.of(), "127.0.0.1");

        for (SpringService service : List.of(onOtherPorts.gateway("k", KEYS), onOtherPorts.runner("k", KEYS),
                onOtherPorts.results("k", database(), KEYS), onOtherPorts.notifier("k", KEYS))) {
            assertThat(service.environment()).as(service.name())
                    .containsEntry("BENCHPULSE_SCHEMA_BASE_URL", "http://localhost:9180/api/schemas/");
        }
    }

    private static Database database() {
        return new Database("127.0.0.1", 15432, "benchpulse", "benchpulse", "", Map.of());
    }
}
