package dev.benchpulse.launcher.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.launcher.supervision.Component;
import dev.benchpulse.launcher.supervision.Readiness;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortCheckTests {

    @Test
    void a_taken_port_is_reported_with_its_component_its_holder_and_how_to_change_it() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            int port = taken.getLocalPort();

            List<String> problems = PortCheck.problems(List.of(component("kafka", port, "--kafka-port")));

            assertThat(problems)
                    .singleElement()
                    .asString()
                    .startsWith("Port " + port + " (kafka) is already in use by pid "
                            + ProcessHandle.current().pid())
                    .endsWith("choose another port with --kafka-port (or BENCHPULSE_KAFKA_PORT).");
        }
    }

    @Test
    void free_ports_pass() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        assertThat(PortCheck.problems(List.of(component("mercure-hub", port, "--hub-port"))))
                .isEmpty();
    }

    @Test
    void one_port_configured_for_two_components_is_reported() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }

        List<String> problems = PortCheck.problems(List.of(
                component("runner-service", port, "--runner-port"),
                component("results-service", port, "--results-port")));

        assertThat(problems)
                .containsExactly("Port " + port + " is configured for both runner-service and "
                        + "results-service: give results-service another one with --results-port.");
    }

    private static Component component(String name, int port, String option) {
        return new Component() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String address() {
                return "";
            }

            @Override
            public List<PortUse> ports() {
                return List.of(new PortUse(port, option));
            }

            @Override
            public void awaitReady(Readiness readiness) {}
        };
    }
}
