package dev.benchpulse.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A Mercure hub (protocol draft-dunglas-mercure-07) on Spring WebFlux and Netty: publish over HTTP, subscribe over server-sent events, JWT authorization, history and reconnection. */
@SpringBootApplication
public class MercureHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(MercureHubApplication.class, args);
    }
}
