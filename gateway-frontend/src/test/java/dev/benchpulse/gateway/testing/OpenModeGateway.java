package dev.benchpulse.gateway.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the tests that run the gateway in its default open mode, on a random port, in front of the shared
 * stand-in backends. Every subclass shares one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
public abstract class OpenModeGateway {

    @Autowired
    protected WebTestClient client;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        Backends.register(registry);
    }

    @BeforeEach
    void forgetEarlierRequests() {
        Backends.reset();
    }

    protected String gateway() {
        return "http://127.0.0.1:" + port;
    }
}
