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

import javax.crypto.spec.SecretKeySpec;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import dev.benchpulse.hub.system.HubProperties.Keys;
import dev.benchpulse.hub.topic.TopicSelectors;

/**
 * Verifies the JWS of one kind of client (publishers or subscribers) with nimbus-jose-jwt: an HMAC secret, a PEM
 * public key or a remote JWK Set (fetched and refreshed in the background, {@link BackgroundJwkSet}), the
 * signature, {@code exp} and {@code nbf}. Verified
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
        } catch (java.text.ParseException | com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException e) {
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

    /** A fixed key ignores the {@code kid} header (there is only one key to try); a JWK Set selects by it. */
    private static JWSKeySelector<SecurityContext> keySelector(String kind, Keys keys) {
        if (!keys.jwksUrl().isBlank()) {
            return new JWSVerificationKeySelector<>(ASYMMETRIC, remote(keys.jwksUrl()));
        }
        JWSAlgorithm algorithm = JWSAlgorithm.parse(keys.jwtAlg().trim().toUpperCase());
        if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
            return new SingleKeyJWSKeySelector<>(algorithm, secret(kind, algorithm, keys.jwtKey()));
        }
        if (ASYMMETRIC.contains(algorithm)) {
            return new SingleKeyJWSKeySelector<>(algorithm, publicKey(kind, keys.jwtKey()));
        }
        throw new KeyConfigurationException(kind, "the algorithm " + keys.jwtAlg() + " is not supported: use HS256, "
                + "HS384, HS512, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384 or ES512");
    }

    private static Key secret(String kind, JWSAlgorithm algorithm, String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int minimum = Integer.parseInt(algorithm.getName().substring(2)) / 8;
        if (bytes.length < minimum) {
            throw new KeyConfigurationException(kind, "an " + algorithm + " secret needs at least " + minimum
                    + " bytes (it has " + bytes.length + "): set a longer random secret");
        }
        return new SecretKeySpec(bytes, "HmacSHA" + minimum * 8);
    }

    /** A PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo) of an RSA or EC key, read with the JDK alone. */
    private static Key publicKey(String kind, String pem) {
        try {
            String base64 = pem.replace("\\n", "\n").replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(base64));
            try {
                return KeyFactory.getInstance("RSA").generatePublic(spec);
            } catch (InvalidKeySpecException notRsa) {
                return KeyFactory.getInstance("EC").generatePublic(spec);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyConfigurationException(kind, "the key is not a PEM-encoded public key (-----BEGIN PUBLIC "
                    + "KEY----- ...): " + e.getMessage());
        }
    }

    /** A JWK Set fetched in the background: verifying a token never waits for the HTTP call. */
    private static JWKSource<SecurityContext> remote(String url) {
        try {
            return new BackgroundJwkSet(URI.create(url).toURL(), Duration.ofMinutes(5));
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid JWK Set URL " + url + ": " + e.getMessage(), e);
        }
    }
}
