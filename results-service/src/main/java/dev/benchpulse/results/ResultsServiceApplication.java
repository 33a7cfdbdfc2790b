package dev.benchpulse.results;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The system of record of runs: consumes run requests and lifecycle events, keeps every sample in PostgreSQL,
 * computes statistics, comparisons and history.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ResultsServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResultsServiceApplication.class, args);
    }
}
