package dev.benchpulse.hub.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Mints Mercure JWTs for tests (nimbus-jose-jwt): publisher tokens ({@code mercure.publish}), subscriber tokens
 * ({@code mercure.subscribe}, {@code mercure.payload}), with or without an expiry.
 *
 * <pre>{@code
 * MercureTokens tokens = MercureTokens.hmac(hub.publisherKey());
 * String publisher = tokens.publisher("*");                       // may publish to every topic
 * String subscriber = MercureTokens.hmac(hub.subscriberKey())
 *         .claims().subscribe(RunTopics.TEMPLATE).expiresIn(Duration.ofMinutes(5)).sign();
 * }</pre>
 */
public final class MercureTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JWSSigner signer;
    private final JWSHeader header;

    private MercureTokens(JWSSigner signer, JWSAlgorithm algorithm, String keyId) {
        this.signer = signer;
        this.header = new JWSHeader.Builder(algorithm).keyID(keyId).build();
    }

    /** Tokens signed with an HMAC secret (HS256), as the hub's default configuration expects. */
    public static MercureTokens hmac(String secret) {
        try {
            return new MercureTokens(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)), JWSAlgorithm.HS256, null);
        } catch (JOSEException e) {
            throw new IllegalArgumentException("HS256 secrets need at least 32 bytes", e);
        }
    }

    /** Tokens signed with an RSA private key (RS256); the key id goes into the header for JWK Set look-ups. */
    public static MercureTokens rsa(RSAKey privateKey) {
        try {
            return new MercureTokens(new RSASSASigner(privateKey), JWSAlgorithm.RS256, privateKey.getKeyID());
        } catch (JOSEException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A random secret long enough for HS256 (32 random bytes, base64url: 43 characters). */
    public static String randomSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A publisher token allowed to publish to the given selectors ({@code "*"} for every topic), without expiry. */
    public String publisher(String... selectors) {
        return claims().publish(selectors).sign();
    }

    /** A subscriber token allowed to receive private updates of the given selectors, without expiry. */
    public String subscriber(String... selectors) {
        return claims().subscribe(selectors).sign();
    }

    public Claims claims() {
        return new Claims();
    }

    /** The claims of one token under construction. */
    public final class Claims {

        private final Map<String, Object> mercure = new LinkedHashMap<>();
        private Instant expiresAt;

        public Claims publish(String... selectors) {
            mercure.put("publish", new ArrayList<>(List.of(selectors)));
            return this;
        }

        public Claims subscribe(String... selectors) {
            mercure.put("subscribe", new ArrayList<>(List.of(selectors)));
            return this;
        }

        public Claims payload(Object payload) {
            mercure.put("payload", payload);
            return this;
        }

        public Claims expiresAt(Instant instant) {
            this.expiresAt = instant;
            return this;
        }

        public Claims expiresIn(Duration duration) {
            return expiresAt(Instant.now().plus(duration));
        }

        public String sign() {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().claim("mercure", mercure);
            if (expiresAt != null) {
                claims.expirationTime(Date.from(expiresAt));
            }
            SignedJWT jwt = new SignedJWT(header, claims.build());
            try {
                jwt.sign(signer);
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        }
    }
}
