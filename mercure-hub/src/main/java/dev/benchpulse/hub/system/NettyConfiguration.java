package dev.benchpulse.hub.system;

import dev.benchpulse.hub.settings.HubProperties;
import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * Gives the hub's Netty server event loops of its own (not Reactor Netty's JVM-wide ones), sized by
 * {@code MERCURE_EVENT_LOOP_THREADS} (default: one per core), released when the hub stops. Owning them keeps an
 * in-process hub (tests of other modules) from shutting down loops that the rest of the JVM still uses. A deep accept
 * backlog lets thousands of subscribers connect at once.
 */
@Configuration(proxyBeanMethods = false)
class NettyConfiguration {

    @Bean
    ReactorResourceFactory hubResources(HubProperties properties) {
        int configured = properties.dispatch().eventLoopThreads();
        int threads = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setLoopResourcesSupplier(() -> LoopResources.create("mercure-hub", 1, threads, true));
        factory.setShutdownQuietPeriod(Duration.ZERO);
        factory.setShutdownTimeout(Duration.ofSeconds(2));
        return factory;
    }

    @Bean
    NettyServerCustomizer acceptBacklog() {
        return server -> server.option(ChannelOption.SO_BACKLOG, 8192);
    }
}
