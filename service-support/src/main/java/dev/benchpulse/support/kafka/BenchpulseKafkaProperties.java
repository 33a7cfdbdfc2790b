package dev.benchpulse.support.kafka;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Benchpulse's Kafka settings beyond Spring Boot's {@code spring.kafka.*}.
 *
 * @param createTopics      create the registry topics and their dead-letter topics at start-up
 * @param replicationFactor replication factor of created topics (1 for a single broker)
 * @param retry             how often a failing record is retried before it goes to the dead-letter topic
 */
@ConfigurationProperties("benchpulse.kafka")
public record BenchpulseKafkaProperties(
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue Retry retry) {

    /**
     * Exponential back-off of the error handler.
     *
     * @param attempts     retries after the first failure
     * @param initialDelay delay before the first retry
     * @param maxDelay     upper bound of a delay
     */
    public record Retry(
            @DefaultValue("3") int attempts,
            @DefaultValue("200ms") Duration initialDelay,
            @DefaultValue("2s") Duration maxDelay) {
    }
}
