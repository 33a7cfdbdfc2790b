package dev.benchpulse.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Base of the tests that run the gateway in secured mode with a viewer, an operator and an admin, in front of the
 * shared stand-in runner and hub. The results service is down in this context (its URL is a closed port).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
public abstract class SecuredModeGateway {

    public static final String VIEWER_PASSWORD = "viewer-secret";
    public static final String OPERATOR_PASSWORD = "operator-secret";
    public static final String ADMIN_PASSWORD = "admin-secret";
    protected static final int RESULTS_PORT = Backends.closedPort();

    @Autowired
    protected WebTestClient client;

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void securedMode(DynamicPropertyRegistry registry) {
        Backends.register(registry);
        registry.add("benchpulse.services.results-url", () -> "http://127.0.0.1:" + RESULTS_PORT);
        users(registry);
    }

    /** The secured mode with its three users: vera the viewer, otto the operator, ada the admin. */
    public static void users(DynamicPropertyRegistry registry) {
        registry.add("benchpulse.security.mode", () -> "secured");
        registry.add("benchpulse.security.users[0].name", () -> "vera");
        registry.add("benchpulse.security.users[0].password", () -> "{noop}" + VIEWER_PASSWORD);
        registry.add("benchpulse.security.users[0].roles", () -> "viewer");
        registry.add("benchpulse.security.users[1].name", () -> "otto");
        registry.add(
                "benchpulse.security.users[1].password",
                () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode(OPERATOR_PASSWORD));
        registry.add("benchpulse.security.users[1].roles", () -> "operator");
        registry.add("benchpulse.security.users[2].name", () -> "ada");
        registry.add("benchpulse.security.users[2].password", () -> "{noop}" + ADMIN_PASSWORD);
        registry.add("benchpulse.security.users[2].roles", () -> "admin");
    }

    @BeforeEach
    void forgetEarlierRequests() {
        Backends.reset();
    }

    /** A signed-in browser session: its session cookie and its CSRF token. */
    public record Session(String id, String csrf) {

        public WebTestClient.RequestHeadersSpec<?> apply(WebTestClient.RequestHeadersSpec<?> request) {
            return request.cookie("SESSION", id).cookie("XSRF-TOKEN", csrf);
        }
    }

    /** Signs in through the login form, as a browser does. */
    protected Session signIn(String user, String password) {
        EntityExchangeResult<String> page = client.get()
                .uri("/login")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult();
        String csrf = page.getResponseCookies().getFirst("XSRF-TOKEN").getValue();
        assertThat(page.getResponseBody()).contains("value=\"" + csrf + "\"");
        FluxExchangeResult<Void> login = client.post()
                .uri("/login")
                .cookie("XSRF-TOKEN", csrf)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("username", user)
                        .with("password", password)
                        .with("_csrf", csrf))
                .exchange()
                .expectStatus()
                .isFound()
                .expectHeader()
                .location("/")
                .returnResult(Void.class);
        ResponseCookie rotated = login.getResponseCookies().getFirst("XSRF-TOKEN");
        String token = rotated != null && !rotated.getValue().isEmpty() ? rotated.getValue() : csrf;
        return new Session(login.getResponseCookies().getFirst("SESSION").getValue(), token);
    }
}
