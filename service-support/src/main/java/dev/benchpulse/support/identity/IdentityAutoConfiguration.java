package dev.benchpulse.support.identity;

import dev.benchpulse.support.problem.ProblemAutoConfiguration;
import dev.benchpulse.support.problem.ProblemResponses;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * The cross-site rule for every WebFlux server (the gateway too), and, for the services behind the gateway, the
 * identity filter and the {@link Requester} controller parameter. The gateway authenticates users itself with
 * Spring Security, so where Spring Security is present the identity filter is left out.
 */
@AutoConfiguration(after = ProblemAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityAutoConfiguration {

    @Bean
    CrossSiteRequestFilter crossSiteRequestFilter(ProblemResponses problems) {
        return new CrossSiteRequestFilter(problems);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.security.web.server.SecurityWebFilterChain")
    static class BehindTheGateway {

        @Bean
        RequesterWebFilter requesterWebFilter(
                IdentityProperties properties,
                ProblemResponses problems,
                @Value("${benchpulse.security.mode:open}") String mode) {
            IdentityTokens tokens = properties.hasKey() ? new IdentityTokens(properties, Clock.systemUTC()) : null;
            return new RequesterWebFilter(SecurityMode.parse(mode), tokens, problems);
        }

        @Bean
        WebFluxConfigurer requesterParameter() {
            return new WebFluxConfigurer() {
                @Override
                public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                    configurer.addCustomResolver(new RequesterArgumentResolver());
                }
            };
        }
    }
}
