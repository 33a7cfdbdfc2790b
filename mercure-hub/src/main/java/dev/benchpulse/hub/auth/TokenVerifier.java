package dev.benchpulse.hub.auth;

import java.net.MalformedURLException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import dev.benchpulse.hub.system.HubProperties.Keys;
import dev.benchpulse.hub.topic.TopicSelectors;

/**
 * Verifies the JWS of one kind of client (publishers or subscribers) with nimbus-jose-jwt: an HMAC secret, a PEM
 * public key or a remote JWK Set (cached and refreshed by nimbus), the signature, {@code exp} and {@code nbf}. Verified
 * tokens are remembered for a while so a busy publisher does not pay a signature check per update.
 */
final class TokenVerifier {

    private static final Set<JWSAlgorithm> ASYMMETRIC = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512, JWSAlgorithm.ES256,
            JWSAlgorithm.ES384, JWSAlgorithm.ES512);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Cache<String, Claims> verified = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(5)).build();
    private final TopicSelectors selectors;

    TokenVerifier(String kind, Keys keys, TopicSelectors selectors) {
        this.selectors = selectors;
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT,
                new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(keySelector(kind, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null, null));
    }

    /** The token's claims; throws {@link InvalidTokenException} when it is malformed, forged or expired. */
    Claims verify(String token) {
        Claims claims = verified.getIfPresent(token);
        if (claims == null) {
            claims = parse(token);
            verified.put(token, claims);
        }
        if (claims.expiresAt() != null && !claims.expiresAt().isAfter(Instant.now())) {
            throw new InvalidTokenException("the token expired at " + claims.expiresAt());
        }
        return claims;
    }

    private Claims parse(String token) {
        try {
            JWTClaimsSet set = processor.process(token, null);
            Object mercure = set.getClaim("mercure");
            Map<?, ?> claim = mercure instanceof Map<?, ?> map ? map : Map.of();
            Instant expiry = set.getExpirationTime() == null ? null : set.getExpirationTime().toInstant();
            return new Claims(selectors(claim.get("publish")), selectors(claim.get("subscribe")), claim.get("payload"),
                    expiry);
        } catch (java.text.ParseException | com.nimbusds.jose.proc.BadJOSEException | JOSEException e) {
            throw new InvalidTokenException(e.getMessage());
        }
    }

    /** Selectors are strings; the newer object form {@code {"match": "..."}} is accepted too. */
    private List<dev.benchpulse.hub.topic.TopicSelector> selectors(Object value) {
        if (!(value instanceof Collection<?> items)) {
            return null;
        }
        return selectors.of(items.stream()
                .map(item -> item instanceof Map<?, ?> map ? map.get("match") : item)
                .filter(item -> item instanceof String).map(String.class::cast).toList());
    }

    private static JWSVerificationKeySelector<SecurityContext> keySelector(String kind, Keys keys) {
        if (!keys.jwksUrl().isBlank()) {
            return new JWSVerificationKeySelector<>(ASYMMETRIC, remote(keys.jwksUrl()));
        }
        JWSAlgorithm algorithm = JWSAlgorithm.parse(keys.jwtAlg().trim().toUpperCase());
        if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
            return new JWSVerificationKeySelector<>(algorithm, secret(kind, algorithm, keys.jwtKey()));
        }
        if (ASYMMETRIC.contains(algorithm)) {
            return new JWSVerificationKeySelector<>(algorithm, publicKey(kind, keys.jwtKey()));
        }
        throw new KeyConfigurationException(kind, "the algorithm " + keys.jwtAlg() + " is not supported: use HS256, "
                + "HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or ES512");
    }

    private static JWKSource<SecurityContext> secret(String kind, JWSAlgorithm algorithm, String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int minimum = Integer.parseInt(algorithm.getName().substring(2)) / 8;
        if (bytes.length < minimum) {
            throw new KeyConfigurationException(kind, "an " + algorithm + " secret needs at least " + minimum
                    + " bytes (it has " + bytes.length + "): set a longer random secret");
        }
        return new ImmutableSecret<>(bytes);
    }

    private static JWKSource<SecurityContext> publicKey(String kind, String pem) {
        try {
            JWK key = JWK.parseFromPEMEncodedObjects(pem.replace("\\n", "\n"));
            return new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
        } catch (JOSEException | RuntimeException e) {
            throw new KeyConfigurationException(kind, "the key is not a PEM-encoded public key (-----BEGIN PUBLIC "
                    + "KEY----- ...): " + e.getMessage());
        }
    }

    private static JWKSource<SecurityContext> remote(String url) {
        try {
            return JWKSourceBuilder.create(URI.create(url).toURL()).build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid JWK Set URL " + url + ": " + e.getMessage(), e);
        }
    }
}
