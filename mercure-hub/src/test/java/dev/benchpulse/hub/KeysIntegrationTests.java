package dev.benchpulse.hub;

import static dev.benchpulse.hub.Publisher.form;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.hub.testing.MercureTokens;
import dev.benchpulse.testsupport.SseRecorder;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** Verification keys: RS256 public keys, a JWK Set URL, key rotation, a required expiry, no start without keys. */
class KeysIntegrationTests {

    private static String pem(RSAKey key) throws Exception {
        String body = Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(key.toPublicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    @Test
    void an_rs256_public_key_verifies_tokens_signed_with_its_private_key() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("publisher").generate();
        try (MercureHubTestServer hub = MercureHubTestServer.builder()
                .publicKey("publisher", pem(key), "RS256")
                .start()) {
            Publisher publisher = new Publisher(hub.hubUrl());
            String signed = MercureTokens.rsa(key).publisher("*");
            String hmac = MercureTokens.hmac(MercureTokens.randomSecret()).publisher("*");

            assertThat(publisher.publish(signed, form("topic", "a")).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(publisher.publish(hmac, form("topic", "a")).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        }
    }

    @Test
    void a_jwks_url_provides_the_keys() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        DisposableServer keyServer = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get(
                        "/jwks.json",
                        (request, response) -> response.header("Content-Type", "application/json")
                                .sendString(Mono.just(jwks))))
                .bindNow();
        try (MercureHubTestServer hub = MercureHubTestServer.builder()
                .jwksUrl("publisher", "http://127.0.0.1:" + keyServer.port() + "/jwks.json")
                .start()) {
            Publisher publisher = new Publisher(hub.hubUrl());

            assertThat(publisher
                            .publish(MercureTokens.rsa(key).publisher("*"), form("topic", "a"))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(publisher
                            .publish(MercureTokens.rsa(stranger).publisher("*"), form("topic", "a"))
                            .getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
        } finally {
            keyServer.disposeNow();
        }
    }

    @Test
    void a_token_signed_with_the_previous_key_is_accepted_during_a_rotation_and_refused_once_it_is_removed() {
        String oldKey = MercureTokens.randomSecret();
        String newKey = MercureTokens.randomSecret();
        String signedWithOld = MercureTokens.hmac(oldKey).publisher("*");
        String signedWithNew = MercureTokens.hmac(newKey).publisher("*");
        MercureHubTestServer.Builder rotating = MercureHubTestServer.builder()
                .publisherKey(newKey)
                .property("mercure.publisher.jwt-key-previous", oldKey);

        try (MercureHubTestServer hub = rotating.start()) {
            Publisher publisher = new Publisher(hub.hubUrl());
            assertThat(publisher.publish(signedWithOld, form("topic", "a")).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            assertThat(publisher.publish(signedWithNew, form("topic", "a")).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
        try (MercureHubTestServer hub =
                MercureHubTestServer.builder().publisherKey(newKey).start()) {
            Publisher publisher = new Publisher(hub.hubUrl());
            assertThat(publisher.publish(signedWithOld, form("topic", "a")).getStatusCode())
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(publisher.publish(signedWithNew, form("topic", "a")).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void a_hub_requiring_exp_refuses_tokens_without_it_and_says_why() {
        try (MercureHubTestServer hub = MercureHubTestServer.builder()
                .anonymous(false)
                .property("mercure.publisher.require-exp", "true")
                .property("mercure.subscriber.require-exp", "true")
                .start()) {
            Publisher publisher = new Publisher(hub.hubUrl());
            String expiring = MercureTokens.hmac(hub.publisherKey())
                    .claims()
                    .publish("*")
                    .expiresIn(Duration.ofMinutes(5))
                    .sign();
            ResponseEntity<String> refused = publisher.publish(hub.publisherToken(), form("topic", "a"));
            HttpStatusCode subscribing;
            try (SseRecorder subscriber = SseRecorder.subscribe(
                    SubscribeIntegrationTests.subscription(hub, "a"),
                    headers -> headers.setBearerAuth(hub.subscriberToken("*")))) {
                subscribing = subscriber.awaitStatus(Duration.ofSeconds(10));
            }

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getBody()).contains("missing required claims: [exp]");
            assertThat(subscribing).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(publisher.publish(expiring, form("topic", "a")).getStatusCode())
                    .isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void the_hub_refuses_to_start_without_keys_and_names_the_variable_to_set() {
        assertThatThrownBy(() -> MercureHubTestServer.builder().publisherKey("").start())
                .hasStackTraceContaining("MERCURE_PUBLISHER_JWT_KEY");
        assertThatThrownBy(
                        () -> MercureHubTestServer.builder().subscriberKey("").start())
                .hasStackTraceContaining("MERCURE_SUBSCRIBER_JWT_KEY");
        assertThatThrownBy(() ->
                        MercureHubTestServer.builder().publisherKey("too-short").start())
                .hasStackTraceContaining("at least 32 bytes");
    }
}
