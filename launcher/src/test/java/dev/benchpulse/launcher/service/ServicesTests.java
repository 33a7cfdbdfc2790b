package dev.benchpulse.launcher.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.launcher.config.HubKeys;
import dev.benchpulse.launcher.config.Ports;
import dev.benchpulse.launcher.config.StackLayout;
import dev.benchpulse.launcher.postgres.Database;
import dev.benchpulse.launcher.process.JavaCommand;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the stack tells each service about the others. */
class ServicesTests {

    @TempDir
    Path state;

    @Test
    void every_service_names_the_schemas_of_the_records_it_publishes_at_this_stacks_gateway() {
        Services services = new Services(new StackLayout(state, state, state.resolve("cache")),
                new Ports(9180, 9181, 9182, 9183, 9100, 9192, 9193, 9432), JavaCommand.current(state, false),
                List.of(), "127.0.0.1");
        Database database = new Database("127.0.0.1", 9432, "benchpulse", "benchpulse", "", Map.of());
        HubKeys keys = new HubKeys("publisher-key", "subscriber-key");

        assertThat(List.of(services.runner("127.0.0.1:9192"), services.results("127.0.0.1:9192", database),
                services.notifier("127.0.0.1:9192", keys), services.gateway("127.0.0.1:9192", keys)))
                .allSatisfy(service -> assertThat(service.environment())
                        .containsEntry("BENCHPULSE_SCHEMA_BASE_URL", "http://localhost:9180/api/schemas/"));
    }
}
