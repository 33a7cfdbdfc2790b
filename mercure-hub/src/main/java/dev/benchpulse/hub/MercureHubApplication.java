package dev.benchpulse.hub;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A Mercure hub (protocol draft-dunglas-mercure-07) on Spring WebFlux and Netty: publish over HTTP, subscribe over
 * server-sent events, JWT authorization, history and reconnection, active subscriptions. Its configuration file is
 * {@code mercure-hub.yml} (not {@code application.yml}), so a hub started inside another application's JVM never
 * reads that application's configuration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MercureHubApplication {

    /** The name of the hub's configuration file: {@code mercure-hub.yml}. */
    public static final String CONFIG_NAME = "mercure-hub";

    public static void main(String[] args) {
        application().run(args);
    }

    /** The hub as a Spring application reading {@value #CONFIG_NAME}{@code .yml}. */
    public static SpringApplicationBuilder application() {
        return new SpringApplicationBuilder(MercureHubApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }
}
