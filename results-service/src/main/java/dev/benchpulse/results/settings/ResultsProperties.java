package dev.benchpulse.results.settings;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the results service ({@code benchpulse.results.*}).
 *
 * @param ingest   how events are consumed and written
 * @param analysis how runs are compared and checked for regressions
 * @param deadLetters how the dead-letter topics are watched
 */
@ConfigurationProperties("benchpulse.results")
@Validated
public record ResultsProperties(
        @DefaultValue @Valid Ingest ingest,
        @DefaultValue @Valid Analysis analysis,
        @DefaultValue @Valid DeadLetters deadLetters) {

    /**
     * @param concurrency  consumer threads on the lifecycle topic (at most its partition count is useful)
     * @param writeRetries retries of a failed database write before the batch goes to the error handler
     * @param writeTimeout longest wait for one database write of a batch
     * @param completionTimeout how long a run whose runner finished waits for missing samples before it is
     *                     reported INCOMPLETE
     * @param completionCheckInterval how often runs waiting for samples are checked against the timeout
     */
    public record Ingest(
            @DefaultValue("2") @Positive int concurrency,
            @DefaultValue("5") @PositiveOrZero int writeRetries,
            @DefaultValue("60s") Duration writeTimeout,
            @DefaultValue("60s") Duration completionTimeout,
            @DefaultValue("5s") Duration completionCheckInterval) {}

    /**
     * @param regressionThreshold default relative slow-down of the median that counts as a regression (0.10 = 10%)
     * @param alpha               significance level of comparison verdicts
     * @param bootstrapResamples  resamples of the bootstrap confidence interval of a ratio of medians
     * @param bootstrapSeed       seed of the bootstrap's random generator: same samples, same interval
     * @param comparisonThreads   threads computing bootstraps at once
     * @param comparisonQueue     bootstraps waiting for a thread at most; more are answered 503
     * @param cachedComparisons   bootstrap results kept (pairs of runs, and runs' median intervals, each)
     */
    public record Analysis(
            @DefaultValue("0.10") @Positive double regressionThreshold,

            @DefaultValue("0.05")
            @DecimalMin(value = "0", inclusive = false)
            @DecimalMax(value = "1", inclusive = false)
            double alpha,

            @DefaultValue("10000") @Positive int bootstrapResamples,
            @DefaultValue("20250101") long bootstrapSeed,
            @DefaultValue("2") @Positive int comparisonThreads,
            @DefaultValue("64") @Positive int comparisonQueue,
            @DefaultValue("10000") @Positive int cachedComparisons) {}

    /**
     * @param checkInterval how often the depth of every dead-letter topic is read from Kafka
     */
    public record DeadLetters(@DefaultValue("30s") Duration checkInterval) {}
}
