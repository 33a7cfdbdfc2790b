package dev.benchpulse.gateway.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.gateway.testing.Tokens;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubscriberTokensTests {

    static final String KEY = dev.benchpulse.gateway.testing.Backends.SUBSCRIBER_KEY;
    static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    static SubscriberProperties properties(String key, String alg) {
        return new SubscriberProperties(key, alg, RunTopics.TEMPLATE, Duration.ofHours(12), Duration.ofHours(1));
    }

    static SubscriberTokens tokens(Instant now) {
        return new SubscriberTokens(properties(KEY, "HS256"), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Nested
    class Refusing_to_start {

        @Test
        void without_a_key_says_which_variable_to_set() {
            assertThatThrownBy(() -> new SubscriberTokens(properties("", "HS256"), Clock.systemUTC()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("MERCURE_SUBSCRIBER_JWT_KEY is not set");
        }

        @Test
        void with_a_key_too_short_for_hs256_says_how_long_it_must_be() {
            assertThatThrownBy(() -> new SubscriberTokens(properties("short", "HS256"), Clock.systemUTC()))
                    .hasMessageContaining("at least 32 bytes");
        }

        @Test
        void with_an_unsupported_algorithm_names_the_supported_ones() {
            assertThatThrownBy(() -> new SubscriberTokens(properties(KEY, "ES256"), Clock.systemUTC()))
                    .hasMessageContaining("HS256, HS384, HS512, RS256");
        }
    }

    @Test
    void mints_a_token_that_subscribes_to_run_topics_for_its_lifetime() throws Exception {
        String token = tokens(NOW).mint("alice");

        var claims = Tokens.verifiedClaims(token);
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getIssueTime().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(12)));
        assertThat(claims.getJSONObjectClaim("mercure"))
                .containsOnlyKeys("subscribe")
                .containsEntry("subscribe", List.of(RunTopics.TEMPLATE));
    }

    @Test
    void keeps_a_token_until_an_hour_before_expiry_and_only_for_its_subject() {
        String token = tokens(NOW).mint("alice");

        assertThat(tokens(NOW.plus(Duration.ofHours(10))).isFresh(token, "alice"))
                .isTrue();
        assertThat(tokens(NOW.plus(Duration.ofHours(11).plusMinutes(1))).isFresh(token, "alice"))
                .isFalse();
        assertThat(tokens(NOW).isFresh(token, "bob")).isFalse();
        assertThat(tokens(NOW).isFresh("not-a-jwt", "alice")).isFalse();
    }

    @Test
    void signs_with_an_rsa_private_key_when_the_algorithm_is_rs256() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        String token = new SubscriberTokens(properties(pem, "RS256"), Clock.systemUTC()).mint("visitor");

        SignedJWT jwt = SignedJWT.parse(token);
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwt.verify(new RSASSAVerifier((java.security.interfaces.RSAPublicKey) pair.getPublic())))
                .isTrue();
    }
}
