package dev.benchpulse.notifier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Consumes run lifecycle events and republishes them, throttled, to the Mercure hub so browsers watch runs live. */
@SpringBootApplication
public class NotifierServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotifierServiceApplication.class, args);
    }
}
