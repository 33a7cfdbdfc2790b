package dev.benchpulse.notifier.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.notifier.settings.NotifierProperties;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PublisherTokensTests {

    static final String SECRET = "a-test-publisher-key-of-at-least-32-bytes";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T10:00:00Z"));

    @Test
    void signs_a_mercure_publish_claim_for_the_run_topics_with_a_short_expiry() throws Exception {
        PublisherTokens tokens = tokens(jwt(SECRET, "HS256", null));

        SignedJWT jwt = SignedJWT.parse(tokens.token());

        assertThat(jwt.verify(new MACVerifier(SECRET))).isTrue();
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.getJWTClaimsSet().getJSONObjectClaim("mercure"))
                .isEqualTo(Map.of("publish", List.of(RunTopics.TEMPLATE)));
        assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
                .isEqualTo(Instant.parse("2026-11-02T11:00:00Z"));
    }

    @Test
    void keeps_a_token_until_it_comes_close_to_expiry_then_mints_a_new_one() throws Exception {
        PublisherTokens tokens = tokens(jwt(SECRET, "HS256", null));
        String first = tokens.token();

        clock.advance(Duration.ofMinutes(54));
        assertThat(tokens.token()).isEqualTo(first);

        clock.advance(Duration.ofMinutes(1));
        String renewed = tokens.token();

        assertThat(renewed).isNotEqualTo(first);
        assertThat(SignedJWT.parse(renewed)
                        .getJWTClaimsSet()
                        .getExpirationTime()
                        .toInstant())
                .isEqualTo(Instant.parse("2026-11-02T11:55:00Z"));
    }

    @Test
    void signs_with_an_rsa_private_key_given_as_pem() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes())
                        .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        SignedJWT jwt = SignedJWT.parse(tokens(jwt(null, "RS256", pem)).token());

        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic())))
                .isTrue();
    }

    @Nested
    class RefusesToStart {

        @Test
        void without_a_key() {
            assertThatThrownBy(() -> SigningKeys.from(jwt("", "HS256", null)))
                    .isInstanceOf(InvalidPublisherKeyException.class)
                    .hasMessageContaining("Set MERCURE_PUBLISHER_JWT_KEY");
        }

        @Test
        void with_a_key_too_short_for_the_algorithm() {
            assertThatThrownBy(() -> SigningKeys.from(jwt("short", "HS256", null)))
                    .isInstanceOf(InvalidPublisherKeyException.class)
                    .hasMessageContaining("too short for HS256");
        }

        @Test
        void with_an_rsa_algorithm_but_no_private_key() {
            assertThatThrownBy(() -> SigningKeys.from(jwt(SECRET, "RS256", null)))
                    .isInstanceOf(InvalidPublisherKeyException.class)
                    .hasMessageContaining("MERCURE_PUBLISHER_JWT_PRIVATE_KEY");
        }

        @Test
        void with_a_pkcs1_private_key_and_says_how_to_convert_it() {
            String pkcs1 = "-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----";

            assertThatThrownBy(() -> SigningKeys.from(jwt(null, "RS256", pkcs1)))
                    .hasMessageContaining("openssl pkcs8 -topk8");
        }

        @Test
        void with_an_algorithm_it_does_not_sign_with() {
            assertThatThrownBy(() -> SigningKeys.from(jwt(SECRET, "none", null)))
                    .hasMessageContaining("use HS256");
        }
    }

    private PublisherTokens tokens(NotifierProperties.Jwt jwt) {
        return new PublisherTokens(SigningKeys.from(jwt), jwt, clock);
    }

    static NotifierProperties.Jwt jwt(String key, String algorithm, String privateKey) {
        return new NotifierProperties.Jwt(
                key, algorithm, privateKey, List.of(RunTopics.TEMPLATE), Duration.ofHours(1), Duration.ofMinutes(5));
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
