package dev.benchpulse.hub.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.benchpulse.hub.settings.HubProperties.Keys;
import dev.benchpulse.hub.topic.TopicSelector;
import dev.benchpulse.hub.topic.TopicSelectors;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies the JWS of one kind of client (publishers or subscribers) with nimbus-jose-jwt: the signature against the
 * {@link VerificationKeys}, {@code exp} and {@code nbf}, and, when the hub requires it, the presence of {@code exp}.
 * Verified tokens are remembered so a busy publisher does not pay a signature check per update, but never past the
 * token's {@code exp}, and at most {@value #REMEMBERED_MINUTES} minutes.
 */
final class TokenVerifier {

    private static final long REMEMBERED_MINUTES = 5;
    private static final Duration REMEMBERED = Duration.ofMinutes(REMEMBERED_MINUTES);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Cache<String, Claims> verified;
    private final TopicSelectors selectors;
    private final String kind;
    private final InstantSource clock;

    TokenVerifier(String kind, Keys keys, TopicSelectors selectors) {
        this(kind, keys, selectors, InstantSource.system(), Ticker.systemTicker());
    }

    /** With the clock that decides expiry and the ticker of the cache's own timing (both fake in tests). */
    TokenVerifier(String kind, Keys keys, TopicSelectors selectors, InstantSource clock, Ticker ticker) {
        this.selectors = selectors;
        this.kind = kind;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(10_000)
                .ticker(ticker)
                .expireAfter(Expiry.<String, Claims>writing((token, claims) -> remembered(claims)))
                .build();
        processor.setJWSTypeVerifier(
                new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(VerificationKeys.of(kind, keys));
        processor.setJWTClaimsSetVerifier(
                new DefaultJWTClaimsVerifier<>(null, keys.requireExp() ? Set.of(JWTClaimNames.EXPIRATION_TIME) : null));
    }

    /** How long a verification may be remembered: until the token expires, and never long. */
    private Duration remembered(Claims claims) {
        if (claims.expiresAt() == null) {
            return REMEMBERED;
        }
        Duration left = Duration.between(clock.instant(), claims.expiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(REMEMBERED) < 0 ? left : REMEMBERED;
    }

    /**
     * The token's claims; throws {@link InvalidTokenException} when it is malformed, forged, expired, or without the
     * {@code exp} this hub requires.
     */
    Claims verify(String token) {
        Claims claims = verified.getIfPresent(token);
        if (claims == null) {
            claims = parse(token);
            verified.put(token, claims);
        }
        if (claims.expiresAt() != null && !claims.expiresAt().isAfter(clock.instant())) {
            throw new InvalidTokenException("the token expired at " + claims.expiresAt());
        }
        return claims;
    }

    /** Whether a verification of the token is remembered. */
    boolean remembers(String token) {
        verified.cleanUp();
        return verified.getIfPresent(token) != null;
    }

    private Claims parse(String token) {
        try {
            JWTClaimsSet set = processor.process(token, null);
            Object mercure = set.getClaim("mercure");
            Map<?, ?> claim = mercure instanceof Map<?, ?> map ? map : Map.of();
            Instant expiry = set.getExpirationTime() == null
                    ? null
                    : set.getExpirationTime().toInstant();
            return new Claims(selectors(claim, "publish"), selectors(claim, "subscribe"), claim.get("payload"), expiry);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw new InvalidTokenException(e.getMessage());
        }
    }

    /**
     * Selectors are strings; the newer object form {@code {"match": "..."}} is accepted too. They are held to the same
     * limits as a subscription's (400 otherwise).
     */
    private List<TopicSelector> selectors(Map<?, ?> claim, String name) {
        if (!(claim.get(name) instanceof Collection<?> items)) {
            return null;
        }
        return selectors.of(
                items.stream()
                        .map(item -> item instanceof Map<?, ?> map ? map.get("match") : item)
                        .filter(item -> item instanceof String)
                        .map(String.class::cast)
                        .toList(),
                "the mercure." + name + " claim of the " + kind + " JWT");
    }
}
