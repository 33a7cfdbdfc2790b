package dev.benchpulse.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The one URL users open: the dashboard, API routes to the runner and results services, and the Mercure hub route with the visitor's subscriber cookie. */
@SpringBootApplication
public class GatewayFrontendApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayFrontendApplication.class, args);
    }
}
