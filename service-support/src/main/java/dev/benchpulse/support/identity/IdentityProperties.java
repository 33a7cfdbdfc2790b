package dev.benchpulse.support.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key of the identity tokens ({@code benchpulse.identity.*}). The gateway signs with {@code key}; the services
 * accept {@code key} and, during a key rotation, {@code previousKey}. There is no default key: {@code ./benchpulse
 * up} generates one, docker compose takes it from {@code .env}.
 *
 * @param key         the HS256 secret, at least 32 bytes ({@code BENCHPULSE_IDENTITY_KEY})
 * @param previousKey the secret being retired, still accepted by the services ({@code BENCHPULSE_IDENTITY_PREVIOUS_KEY})
 * @param lifetime    how long a token is valid: one request's trip from the gateway to a service
 */
@ConfigurationProperties("benchpulse.identity")
public record IdentityProperties(
        String key, String previousKey, @DefaultValue("60s") Duration lifetime) {

    public boolean hasKey() {
        return key != null && !key.isBlank();
    }
}
