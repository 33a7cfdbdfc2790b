package dev.benchpulse.gateway.security;

import dev.benchpulse.gateway.subscriber.SubscriberPolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The local default: no sign-in, every visitor may watch and start runs and gets a subscriber cookie. Meant for a
 * machine of one's own; anything reachable by others should run the secured mode, and the gateway says so at start-up
 * when it is reachable beyond loopback.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "benchpulse.security.mode", havingValue = "open", matchIfMissing = true)
class OpenModeConfiguration {

    static final String VISITOR = "visitor";

    @Bean
    SecurityWebFilterChain openSecurity(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .build();
    }

    /** Nobody signs in; this keeps Spring Boot from inventing a user with a generated password. */
    @Bean
    ReactiveUserDetailsService noUsers() {
        return username -> Mono.empty();
    }

    @Bean
    OpenModeExposure openModeExposure(Environment environment) {
        return new OpenModeExposure(environment);
    }

    @Bean
    SubscriberPolicy everyVisitorSubscribes() {
        return exchange -> Mono.just(VISITOR);
    }
}
