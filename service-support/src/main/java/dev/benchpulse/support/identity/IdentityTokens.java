package dev.benchpulse.support.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Signs and verifies identity tokens: HS256 JWTs from the gateway ({@code iss}) to the services ({@code aud}) with
 * the requester's name ({@code sub}), roles and client address, valid for one short lifetime ({@code exp} always
 * set and always checked). Verification accepts the current key and, during a rotation, the previous one. Nothing
 * is cached: each token is verified when it arrives, so none is believed after its expiry.
 */
public final class IdentityTokens {

    /** How far the clocks of the gateway and a service may disagree. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(5);

    private static final int MIN_KEY_BYTES = 32;

    private final JWSSigner signer;
    private final List<JWSVerifier> verifiers;
    private final Duration lifetime;
    private final Clock clock;

    public IdentityTokens(IdentityProperties properties, Clock clock) {
        if (!properties.hasKey()) {
            throw new IllegalStateException("BENCHPULSE_IDENTITY_KEY is not set. The gateway signs who is asking with"
                    + " it and the services verify it: set BENCHPULSE_IDENTITY_KEY (benchpulse.identity.key) to the"
                    + " same random secret of at least 32 bytes on the gateway and every service (for example"
                    + " `openssl rand -base64 48`). ./benchpulse up does this for you.");
        }
        this.signer = signer(properties.key(), "BENCHPULSE_IDENTITY_KEY");
        List<JWSVerifier> accepted = new ArrayList<>();
        accepted.add(verifier(properties.key(), "BENCHPULSE_IDENTITY_KEY"));
        if (properties.previousKey() != null && !properties.previousKey().isBlank()) {
            accepted.add(verifier(properties.previousKey(), "BENCHPULSE_IDENTITY_PREVIOUS_KEY"));
        }
        this.verifiers = List.copyOf(accepted);
        this.lifetime = properties.lifetime();
        this.clock = clock;
    }

    /** A fresh token for this requester, signed with the current key. */
    public String mint(Requester requester) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(Identity.ISSUER)
                .audience(Identity.AUDIENCE)
                .subject(requester.name())
                .claim(
                        Identity.ROLES_CLAIM,
                        requester.roles().stream().map(Role::id).sorted().toList())
                .claim(Identity.CLIENT_CLAIM, requester.clientAddress())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign an identity token", e);
        }
        return jwt.serialize();
    }

    /**
     * The requester a token vouches for; empty when the token is not ours (wrong key or algorithm, wrong issuer or
     * audience), has no expiry, has expired, or is malformed.
     */
    public Optional<Requester> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !signedByAcceptedKey(jwt)) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            return valid(claims) ? Optional.of(requester(claims)) : Optional.empty();
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean signedByAcceptedKey(SignedJWT jwt) throws JOSEException {
        for (JWSVerifier verifier : verifiers) {
            if (jwt.verify(verifier)) {
                return true;
            }
        }
        return false;
    }

    private boolean valid(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        Date issued = claims.getIssueTime();
        return Identity.ISSUER.equals(claims.getIssuer())
                && claims.getAudience() != null
                && claims.getAudience().contains(Identity.AUDIENCE)
                && claims.getSubject() != null
                && expiry != null
                && now.isBefore(expiry.toInstant().plus(CLOCK_SKEW))
                && (issued == null || !issued.toInstant().isAfter(now.plus(CLOCK_SKEW)));
    }

    private static Requester requester(JWTClaimsSet claims) throws ParseException {
        List<String> names = claims.getStringListClaim(Identity.ROLES_CLAIM);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (names != null) {
            names.forEach(name -> Role.parse(name).ifPresent(roles::add));
        }
        String client = claims.getStringClaim(Identity.CLIENT_CLAIM);
        return new Requester(claims.getSubject(), roles, client == null ? "unknown" : client);
    }

    private static JWSSigner signer(String key, String variable) {
        try {
            return new MACSigner(bytes(key, variable));
        } catch (JOSEException e) {
            throw new IllegalStateException(variable + " cannot sign HS256 tokens: " + e.getMessage(), e);
        }
    }

    private static JWSVerifier verifier(String key, String variable) {
        try {
            return new MACVerifier(bytes(key, variable));
        } catch (JOSEException e) {
            throw new IllegalStateException(variable + " cannot verify HS256 tokens: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(String key, String variable) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalStateException(variable + " is " + bytes.length + " bytes long; HS256 needs at least "
                    + MIN_KEY_BYTES + ". Use a longer random secret, for example `openssl rand -base64 48`.");
        }
        return bytes;
    }
}
