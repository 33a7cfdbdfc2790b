package dev.benchpulse.support.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class IdentityTokensTests {

    static final String KEY = "identity-key-for-tests-only-0123456789abcdef";
    static final String NEW_KEY = "the-next-identity-key-for-tests-0123456789ab";
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final Requester OTTO = new Requester("otto", Role.OPERATOR.withIncluded(), "192.0.2.7");

    static IdentityTokens tokens(String key, String previous, Instant now) {
        return new IdentityTokens(
                new IdentityProperties(key, previous, Duration.ofSeconds(60)), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void a_token_carries_the_user_the_roles_and_the_client_address_and_always_an_expiry() throws Exception {
        String token = tokens(KEY, null, NOW).mint(OTTO);

        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(NOW.plusSeconds(60));
        assertThat(claims.getSubject()).isEqualTo("otto");
        assertThat(tokens(KEY, null, NOW).verify(token)).contains(OTTO);
    }

    @Test
    void an_expired_token_is_refused_even_by_the_service_that_accepted_it_a_minute_earlier() {
        String token = tokens(KEY, null, NOW).mint(OTTO);

        assertThat(tokens(KEY, null, NOW.plusSeconds(30)).verify(token)).isPresent();
        assertThat(tokens(KEY, null, NOW.plusSeconds(60).plus(IdentityTokens.CLOCK_SKEW))
                        .verify(token))
                .isEmpty();
    }

    @Test
    void a_token_without_expiry_is_refused() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(Identity.ISSUER)
                .audience(Identity.AUDIENCE)
                .subject("otto")
                .claim(Identity.ROLES_CLAIM, List.of("operator", "viewer"))
                .build();

        assertThat(tokens(KEY, null, NOW).verify(sign(claims, KEY))).isEmpty();
    }

    @Test
    void a_token_for_another_audience_or_from_another_issuer_is_refused() throws Exception {
        Date exp = Date.from(NOW.plusSeconds(60));
        JWTClaimsSet hubToken = new JWTClaimsSet.Builder()
                .issuer(Identity.ISSUER)
                .subject("otto")
                .expirationTime(exp)
                .build();
        JWTClaimsSet otherIssuer = new JWTClaimsSet.Builder()
                .issuer("someone")
                .audience(Identity.AUDIENCE)
                .subject("otto")
                .expirationTime(exp)
                .build();

        assertThat(tokens(KEY, null, NOW).verify(sign(hubToken, KEY))).isEmpty();
        assertThat(tokens(KEY, null, NOW).verify(sign(otherIssuer, KEY))).isEmpty();
    }

    @Test
    void a_plain_user_name_a_forged_signature_and_an_unsigned_token_are_ignored() {
        String forged = tokens("a-different-key-that-is-long-enough-0123456789", null, NOW)
                .mint(OTTO);
        String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJvdHRvIn0.";

        assertThat(tokens(KEY, null, NOW).verify("otto")).isEmpty();
        assertThat(tokens(KEY, null, NOW).verify(forged)).isEmpty();
        assertThat(tokens(KEY, null, NOW).verify(unsigned)).isEmpty();
    }

    @Test
    void refuses_a_missing_or_short_key_with_what_to_set() {
        assertThatThrownBy(() -> tokens(null, null, NOW)).hasMessageContaining("BENCHPULSE_IDENTITY_KEY is not set");
        assertThatThrownBy(() -> tokens("short", null, NOW)).hasMessageContaining("at least 32");
    }

    @Nested
    class Key_rotation {

        @Test
        void during_the_rotation_window_tokens_of_both_keys_are_accepted() {
            String old = tokens(KEY, null, NOW).mint(OTTO);
            String fresh = tokens(NEW_KEY, null, NOW).mint(OTTO);

            IdentityTokens rotating = tokens(NEW_KEY, KEY, NOW);

            assertThat(rotating.verify(old)).contains(OTTO);
            assertThat(rotating.verify(fresh)).contains(OTTO);
        }

        @Test
        void a_gateway_in_the_rotation_window_signs_with_the_new_key() {
            String minted = tokens(NEW_KEY, KEY, NOW).mint(OTTO);

            assertThat(tokens(NEW_KEY, null, NOW).verify(minted)).contains(OTTO);
            assertThat(tokens(KEY, null, NOW).verify(minted)).isEmpty();
        }

        @Test
        void once_the_previous_key_is_removed_its_tokens_are_refused() {
            String old = tokens(KEY, null, NOW).mint(OTTO);

            assertThat(tokens(NEW_KEY, null, NOW).verify(old)).isEmpty();
        }
    }

    @Test
    void an_anonymous_visitor_is_not_signed_in_and_counts_by_address() {
        Requester visitor = tokens(KEY, null, NOW)
                .verify(tokens(KEY, null, NOW).mint(Requester.anonymous("192.0.2.9")))
                .orElseThrow();

        assertThat(visitor.signedIn()).isFalse();
        assertThat(visitor.roles()).isEqualTo(Set.of());
        assertThat(visitor.quotaKey()).isEqualTo("address:192.0.2.9");
        assertThat(OTTO.quotaKey()).isEqualTo("user:otto");
    }

    static String sign(JWTClaimsSet claims, String key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }
}
