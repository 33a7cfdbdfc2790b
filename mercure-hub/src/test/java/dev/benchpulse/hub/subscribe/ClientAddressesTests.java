package dev.benchpulse.hub.subscribe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchpulse.hub.settings.HubProperties;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** The client address behind trusted proxies: X-Forwarded-For believed only as far as trusted proxies wrote it. */
class ClientAddressesTests {

    private static ClientAddresses trusting(String... proxies) {
        return new ClientAddresses(new HubProperties(
                null,
                null,
                false,
                false,
                List.of(),
                List.of(),
                null,
                0,
                null,
                null,
                null,
                List.of(proxies),
                HubProperties.TransportKind.MEMORY,
                null));
    }

    private static MockServerHttpRequest from(String peer, String... forwardedFor) {
        return MockServerHttpRequest.get("/.well-known/mercure")
                .remoteAddress(new InetSocketAddress(peer, 40000))
                .header(ClientAddresses.FORWARDED_FOR, forwardedFor)
                .build();
    }

    private final ClientAddresses loopback = trusting("127.0.0.0/8", "::1/128");

    @Test
    void a_peer_that_is_not_a_trusted_proxy_is_the_client_whatever_it_forwards() {
        assertThat(loopback.of(from("192.0.2.7", "198.51.100.1"))).isEqualTo("192.0.2.7");
    }

    @Test
    void behind_a_trusted_proxy_the_address_it_saw_is_the_client() {
        assertThat(loopback.of(from("127.0.0.1", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(loopback.of(from("127.0.0.1"))).isEqualTo("127.0.0.1");
        assertThat(loopback.of(from("::1", "2001:db8::5"))).isEqualTo("2001:db8::5");
    }

    @Test
    void an_address_the_client_wrote_itself_is_not_believed() {
        // the client sent "X-Forwarded-For: 203.0.113.9"; the gateway appended the address it saw
        assertThat(loopback.of(from("127.0.0.1", "203.0.113.9, 198.51.100.1"))).isEqualTo("198.51.100.1");
    }

    @Test
    void a_chain_of_trusted_proxies_is_skipped_from_the_right() {
        ClientAddresses chain = trusting("127.0.0.1", "10.0.0.0/8");

        assertThat(chain.of(from("127.0.0.1", "203.0.113.9, 198.51.100.1, 10.1.2.3")))
                .isEqualTo("198.51.100.1");
        assertThat(chain.of(from("127.0.0.1", "198.51.100.1", "10.1.2.3:8080"))).isEqualTo("198.51.100.1");
    }

    @Test
    void an_entry_that_is_no_address_stops_the_walk_at_the_proxy_that_passed_it_on() {
        assertThat(loopback.of(from("127.0.0.1", "unknown"))).isEqualTo("127.0.0.1");
        assertThat(loopback.of(from("127.0.0.1", "example.com, 127.0.0.2"))).isEqualTo("127.0.0.2");
    }

    @Test
    void a_trusted_proxy_that_is_not_an_address_stops_the_start() {
        assertThatThrownBy(() -> trusting("gateway.internal"))
                .hasMessageContaining("MERCURE_TRUSTED_PROXIES")
                .hasMessageContaining("gateway.internal");
        assertThatThrownBy(() -> trusting("10.0.0.0/33")).hasMessageContaining("prefix length");
    }
}
