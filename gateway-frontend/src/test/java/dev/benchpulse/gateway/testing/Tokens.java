package dev.benchpulse.gateway.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.support.identity.IdentityProperties;
import dev.benchpulse.support.identity.IdentityTokens;
import dev.benchpulse.support.identity.Requester;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Reads and forges subscriber tokens, and reads identity tokens, in tests, with nimbus-jose-jwt. */
public final class Tokens {

    private static final IdentityTokens IDENTITY = new IdentityTokens(
            new IdentityProperties(Backends.IDENTITY_KEY, null, Duration.ofSeconds(60)), Clock.systemUTC());

    private Tokens() {}

    /** The claims of a token whose signature the test key verifies; fails otherwise. */
    public static JWTClaimsSet verifiedClaims(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!jwt.verify(new MACVerifier(Backends.SUBSCRIBER_KEY.getBytes()))) {
                throw new AssertionError("The token's signature does not verify with the subscriber key: " + token);
            }
            return jwt.getJWTClaimsSet();
        } catch (ParseException | JOSEException e) {
            throw new AssertionError("Not a signed JWT: " + token, e);
        }
    }

    /** The requester a backend learns from the identity header the gateway sent it; fails when it does not verify. */
    public static Requester identity(StubBackend.Received request) {
        String token = request.header(ApiHeaders.IDENTITY);
        if (token == null) {
            throw new AssertionError("The gateway sent no " + ApiHeaders.IDENTITY + " header to " + request.uri());
        }
        return IDENTITY.verify(token)
                .orElseThrow(() -> new AssertionError("The identity token does not verify: " + token));
    }

    /** A subscriber token for the run topics, signed with the given key, expiring after the given time. */
    public static String signed(String key, String subject, Duration expiresIn) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(expiresIn)))
                .claim("mercure", Map.of("subscribe", List.of(RunTopics.TEMPLATE)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(key.getBytes()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }
}
