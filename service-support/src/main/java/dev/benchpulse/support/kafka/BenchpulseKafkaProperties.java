package dev.benchpulse.support.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Benchpulse's Kafka settings beyond Spring Boot's {@code spring.kafka.*}.
 *
 * @param createTopics      create the registry topics and their dead-letter topics at start-up
 * @param replicationFactor replication factor of created topics (1 for a single broker)
 * @param retry             how a record bad in itself is retried before it goes to the dead-letter topic
 * @param outage            how any other failing record is retried: without limit, until its dependency is back
 */
@ConfigurationProperties("benchpulse.kafka")
@Validated
public record BenchpulseKafkaProperties(
        @DefaultValue("true") boolean createTopics,
        @DefaultValue("1") @Positive short replicationFactor,
        @DefaultValue @Valid Retry retry,
        @DefaultValue Outage outage) {

    /**
     * Bounded exponential back-off for a record bad in itself (one that cannot be decoded is not retried).
     *
     * @param attempts     retries after the first failure
     * @param initialDelay delay before the first retry
     * @param maxDelay     upper bound of a delay
     */
    public record Retry(
            @DefaultValue("3") @PositiveOrZero int attempts,
            @DefaultValue("200ms") Duration initialDelay,
            @DefaultValue("2s") Duration maxDelay) {}

    /**
     * Exponential back-off without limit for a record whose processing fails for any other reason: the partition
     * waits for the dependency. Keep {@code maxDelay} well under the consumer's {@code max.poll.interval.ms}.
     *
     * @param initialDelay delay before the first retry
     * @param maxDelay     upper bound of a delay
     */
    public record Outage(
            @DefaultValue("500ms") Duration initialDelay,
            @DefaultValue("10s") Duration maxDelay) {}
}
