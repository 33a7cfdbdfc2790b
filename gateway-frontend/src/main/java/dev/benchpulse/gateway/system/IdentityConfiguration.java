package dev.benchpulse.gateway.system;

import dev.benchpulse.support.identity.IdentityProperties;
import dev.benchpulse.support.identity.IdentityTokens;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The signer of the identity tokens the gateway gives the services. The gateway always signs, in both modes, so it
 * does not start without {@code BENCHPULSE_IDENTITY_KEY}.
 */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    IdentityTokens identityTokens(IdentityProperties properties) {
        return new IdentityTokens(properties, Clock.systemUTC());
    }
}
