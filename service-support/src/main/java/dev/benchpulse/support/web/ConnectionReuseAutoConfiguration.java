package dev.benchpulse.support.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Closes each HTTP connection of a service's server (the gateway's too) after its response instead of keeping it
 * alive. The Reactor Netty release Spring Boot 4.0.7 ships (1.3.6) can stop reading a kept-alive
 * HTTP/1.1 connection when a request arrives while the previous one is finishing (reactor/reactor-netty#4361): the
 * client then waits forever (a results API test hung 60 s on it right after a 400). The services' callers (the
 * gateway, the CLI, other services) make few requests each, so a connection per request costs little. Off with
 * {@code benchpulse.server.close-connections=false}; remove once Boot ships the fixed Reactor Netty.
 */
@AutoConfiguration
@ConditionalOnClass(NettyServerCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(name = "benchpulse.server.close-connections", matchIfMissing = true)
public class ConnectionReuseAutoConfiguration {

    @Bean
    NettyServerCustomizer closeConnectionAfterEachResponse() {
        return server -> server.maxKeepAliveRequests(1);
    }
}
