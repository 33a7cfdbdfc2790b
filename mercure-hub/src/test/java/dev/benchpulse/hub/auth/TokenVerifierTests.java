package dev.benchpulse.hub.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.benchpulse.hub.settings.HubProperties;
import dev.benchpulse.hub.settings.HubProperties.Keys;
import dev.benchpulse.hub.testing.MercureTokens;
import dev.benchpulse.hub.topic.TopicSelectors;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Token verification: how long a verification is remembered, a required {@code exp}, and key rotation. */
class TokenVerifierTests {

    private static final String KEY = MercureTokens.randomSecret();
    private static final String OLD_KEY = MercureTokens.randomSecret();
    private static final TopicSelectors SELECTORS = new TopicSelectors(new HubProperties(
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
            new HubProperties.Limits(1024, 20, 100, 0, 0),
            List.of(),
            HubProperties.TransportKind.MEMORY,
            null));

    /** The test's time: the clock expiry is judged by and the cache's ticker, moved together. */
    private static final class Time implements InstantSource, Ticker {

        private final Instant start = Instant.now();
        private Duration elapsed = Duration.ZERO;

        void advance(Duration duration) {
            elapsed = elapsed.plus(duration);
        }

        @Override
        public long read() {
            return elapsed.toNanos();
        }

        @Override
        public Instant instant() {
            return start.plus(elapsed);
        }
    }

    private static Keys keys(String key, String previous, boolean requireExp) {
        return new Keys(key, "HS256", "", previous, requireExp);
    }

    @Nested
    class Remembering {

        private final Time time = new Time();
        private final TokenVerifier verifier =
                new TokenVerifier("publisher", keys(KEY, "", false), SELECTORS, time, time);

        @Test
        void a_verification_is_forgotten_when_the_token_expires() {
            String token = MercureTokens.hmac(KEY)
                    .claims()
                    .publish("*")
                    .expiresAt(time.instant().plusSeconds(10))
                    .sign();
            verifier.verify(token);
            assertThat(verifier.remembers(token)).isTrue();

            time.advance(Duration.ofSeconds(11));

            assertThat(verifier.remembers(token)).isFalse();
            assertThatThrownBy(() -> verifier.verify(token))
                    .isInstanceOf(InvalidTokenException.class)
                    .hasMessageContaining("expired");
        }

        @Test
        void a_verification_of_a_token_without_expiry_is_forgotten_after_five_minutes() {
            String token = MercureTokens.hmac(KEY).publisher("*");
            verifier.verify(token);

            time.advance(Duration.ofMinutes(4));
            assertThat(verifier.remembers(token)).isTrue();
            time.advance(Duration.ofMinutes(1).plusSeconds(1));

            assertThat(verifier.remembers(token)).isFalse();
        }
    }

    @Test
    void a_token_without_exp_is_refused_when_exp_is_required_and_accepted_otherwise() {
        String withoutExp = MercureTokens.hmac(KEY).publisher("*");
        String withExp = MercureTokens.hmac(KEY)
                .claims()
                .publish("*")
                .expiresIn(Duration.ofMinutes(5))
                .sign();
        TokenVerifier strict = new TokenVerifier("publisher", keys(KEY, "", true), SELECTORS);
        TokenVerifier lenient = new TokenVerifier("publisher", keys(KEY, "", false), SELECTORS);

        assertThatThrownBy(() -> strict.verify(withoutExp))
                .isInstanceOf(InvalidTokenException.class)
                .hasMessageContaining("exp");
        assertThat(strict.verify(withExp).expiresAt()).isNotNull();
        assertThat(lenient.verify(withoutExp).publish()).isNotNull();
    }

    @Test
    void during_a_rotation_tokens_signed_with_either_key_are_accepted_and_afterwards_only_the_new_key() {
        String signedWithOld = MercureTokens.hmac(OLD_KEY).publisher("*");
        String signedWithNew = MercureTokens.hmac(KEY).publisher("*");
        TokenVerifier rotating = new TokenVerifier("publisher", keys(KEY, OLD_KEY, false), SELECTORS);
        TokenVerifier rotated = new TokenVerifier("publisher", keys(KEY, "", false), SELECTORS);

        assertThat(rotating.verify(signedWithOld).publish()).isNotNull();
        assertThat(rotating.verify(signedWithNew).publish()).isNotNull();
        assertThat(rotated.verify(signedWithNew).publish()).isNotNull();
        assertThatThrownBy(() -> rotated.verify(signedWithOld)).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void a_previous_key_too_short_or_beside_a_jwk_set_stops_the_start_and_names_its_variable() {
        assertThatThrownBy(() -> new TokenVerifier("subscriber", keys(KEY, "short", false), SELECTORS))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageContaining("MERCURE_SUBSCRIBER_JWT_KEY_PREVIOUS")
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new TokenVerifier(
                        "subscriber", new Keys("", "RS256", "http://127.0.0.1:1/jwks", OLD_KEY, false), SELECTORS))
                .isInstanceOf(KeyConfigurationException.class)
                .hasMessageContaining("MERCURE_SUBSCRIBER_JWT_KEY_PREVIOUS");
    }
}
