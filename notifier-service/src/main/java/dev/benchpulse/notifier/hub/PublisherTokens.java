package dev.benchpulse.notifier.hub;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.benchpulse.notifier.settings.NotifierProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The publisher JWT the notifier sends as bearer token: a {@code mercure.publish} claim with the configured topic
 * selectors and a short lifetime. A new token is minted when the current one comes within the renewal margin of its
 * expiry, so a request never carries an expired token.
 */
final class PublisherTokens {

    private record Token(String value, Instant renewAt) {}

    private final SigningKeys.SigningKey key;
    private final NotifierProperties.Jwt settings;
    private final Clock clock;
    private volatile Token current;

    PublisherTokens(SigningKeys.SigningKey key, NotifierProperties.Jwt settings, Clock clock) {
        if (!settings.renewBefore().minus(settings.ttl()).isNegative()) {
            throw new IllegalArgumentException("benchpulse.notifier.hub.jwt.renew-before (" + settings.renewBefore()
                    + ") must be shorter than benchpulse.notifier.hub.jwt.ttl (" + settings.ttl() + ")");
        }
        this.key = key;
        this.settings = settings;
        this.clock = clock;
    }

    /** A valid token, renewed first when it is about to expire. */
    String token() {
        Instant now = clock.instant();
        Token token = current;
        if (token == null || !now.isBefore(token.renewAt())) {
            synchronized (this) {
                token = current;
                if (token == null || !now.isBefore(token.renewAt())) {
                    token = mint(now);
                    current = token;
                }
            }
        }
        return token.value();
    }

    private Token mint(Instant now) {
        Instant expiry = now.plus(settings.ttl());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expiry))
                .claim("mercure", Map.of("publish", List.copyOf(settings.publish())))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(key.algorithm()), claims);
        try {
            jwt.sign(key.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign the publisher JWT with " + key.algorithm(), e);
        }
        return new Token(jwt.serialize(), expiry.minus(settings.renewBefore()));
    }
}
