package dev.benchpulse.gateway.subscriber;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mints and checks Mercure subscriber tokens: {@code mercure.subscribe} lists the run topic template and nothing
 * else, so the token can read run updates and never publish. Signed with the hub's subscriber key; there is no
 * default key.
 */
class SubscriberTokens {

    static final String MISSING_KEY = "MERCURE_SUBSCRIBER_JWT_KEY is not set. The gateway signs the dashboard's"
            + " Mercure subscriber tokens with the hub's subscriber key: set MERCURE_SUBSCRIBER_JWT_KEY (and"
            + " MERCURE_SUBSCRIBER_JWT_ALG if not HS256) to the same key the hub uses. ./benchpulse up does this"
            + " for you.";

    private final SubscriberProperties properties;
    private final JWSAlgorithm algorithm;
    private final JWSSigner signer;
    private final JWSVerifier verifier;
    private final Clock clock;

    SubscriberTokens(SubscriberProperties properties, Clock clock) {
        if (properties.jwtKey() == null || properties.jwtKey().isBlank()) {
            throw new IllegalStateException(MISSING_KEY);
        }
        this.properties = properties;
        this.algorithm = JWSAlgorithm.parse(properties.jwtAlg());
        this.clock = clock;
        try {
            if (JWSAlgorithm.Family.HMAC_SHA.contains(algorithm)) {
                this.signer = new MACSigner(properties.jwtKey().getBytes(StandardCharsets.UTF_8));
                this.verifier = new MACVerifier(properties.jwtKey().getBytes(StandardCharsets.UTF_8));
            } else if (JWSAlgorithm.Family.RSA.contains(algorithm)) {
                RSAPrivateCrtKey key = SubscriberKeys.rsaPrivateKey(properties.jwtKey());
                this.signer = new RSASSASigner(key);
                this.verifier = new RSASSAVerifier(SubscriberKeys.publicHalf(key));
            } else {
                throw new IllegalStateException("MERCURE_SUBSCRIBER_JWT_ALG=" + properties.jwtAlg()
                        + " is not supported: use HS256, HS384, HS512, RS256, RS384 or RS512.");
            }
        } catch (JOSEException e) {
            throw new IllegalStateException(
                    "MERCURE_SUBSCRIBER_JWT_KEY cannot sign " + algorithm + " tokens: "
                            + e.getMessage()
                            + ". An HS256 key needs at least 32 bytes; an RS* key must be a PEM private"
                            + " key.",
                    e);
        }
    }

    /** A fresh token for this subject (a user name, or {@code visitor} in the open mode). */
    String mint(String subject) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(properties.lifetime())))
                .claim("mercure", Map.of("subscribe", List.of(properties.topic())))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a subscriber token", e);
        }
        return jwt.serialize();
    }

    /** Whether a token is ours, for this subject, and far enough from expiry to be kept. */
    boolean isFresh(String token, String subject) {
        return claims(token)
                .filter(c -> subject.equals(c.getSubject()))
                .map(JWTClaimsSet::getExpirationTime)
                .filter(exp -> exp.toInstant().isAfter(clock.instant().plus(properties.renewBefore())))
                .isPresent();
    }

    private Optional<JWTClaimsSet> claims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            return jwt.verify(verifier) ? Optional.of(jwt.getJWTClaimsSet()) : Optional.empty();
        } catch (ParseException | JOSEException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    Duration lifetime() {
        return properties.lifetime();
    }
}
