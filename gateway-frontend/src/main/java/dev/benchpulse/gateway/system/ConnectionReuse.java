package dev.benchpulse.gateway.system;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Closes each browser connection after its response instead of keeping it alive. The Reactor Netty release that
 * Spring Boot 4.0.7 ships (1.3.6) can stop reading a kept-alive HTTP/1.1 connection when a request arrives while
 * the previous one is finishing (reactor/reactor-netty#4361, fixed after 1.3.7): a browser then waits forever for
 * a script or an API answer. A page's requests go to one host, so a fresh connection each costs little; remove this
 * once Boot ships the fixed Reactor Netty. Event streams are one long response each and are not affected.
 */
@Configuration(proxyBeanMethods = false)
class ConnectionReuse {

    @Bean
    NettyServerCustomizer closeConnectionAfterEachResponse() {
        return server -> server.maxKeepAliveRequests(1);
    }
}
