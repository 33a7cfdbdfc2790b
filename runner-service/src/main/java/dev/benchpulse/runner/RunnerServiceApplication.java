package dev.benchpulse.runner;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The benchmark catalog, the PHP runtimes, and the workers that execute benchmark samples in fresh PHP processes and publish each run's lifecycle to Kafka. */
@SpringBootApplication
public class RunnerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(RunnerServiceApplication.class, args);
    }
}
