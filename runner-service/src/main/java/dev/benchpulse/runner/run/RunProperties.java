package dev.benchpulse.runner.run;

import jakarta.validation.Valid;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The settings of running benchmarks ({@code benchpulse.runner.*}): who this instance is, how one sample's PHP
 * process is run and how run requests are consumed. The catalog and the runtimes bind their own keys of the same
 * prefix ({@code CatalogProperties}, {@code RuntimeProperties}).
 *
 * @param instanceId id of this runner instance in events; host name and process id when blank
 * @param execution  how one sample's PHP process is run
 * @param worker     how run requests are consumed
 */
@ConfigurationProperties("benchpulse.runner")
@Validated
public record RunProperties(
        String instanceId,
        @DefaultValue @Valid Execution execution,
        @DefaultValue @Valid Worker worker) {

    /** This instance's id: the configured one, else {@code <host name>-<pid>}. */
    public String resolvedInstanceId() {
        if (instanceId != null && !instanceId.isBlank()) {
            return instanceId;
        }
        String jvm = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        int at = jvm.indexOf('@');
        return at < 0 ? jvm : jvm.substring(at + 1) + "-" + jvm.substring(0, at);
    }

    /**
     * Sample execution ({@code benchpulse.runner.execution.*} but {@code probe-timeout}, which the runtimes bind).
     *
     * @param sampleTimeout wall-clock limit of one sample's PHP process; it is killed with its children beyond it
     * @param memoryLimit   PHP {@code memory_limit} of a sample
     * @param maxOutput     bytes kept of a process's stdout and of its stderr (the tail)
     * @param workDir       where harness files of local runtimes are written; the system temp dir when blank
     */
    public record Execution(
            @DefaultValue("30s") Duration sampleTimeout,
            @DefaultValue("512M") String memoryLimit,
            @DefaultValue("64KB") DataSize maxOutput,
            Path workDir) {

        public Path resolvedWorkDir() {
            return workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
        }
    }

    /**
     * Run-request consumption and the liveness of attempts.
     *
     * @param enabled           consume run requests (off: the instance only serves the HTTP API)
     * @param concurrentRuns    runs and calibrations executed at once by this instance; 0 means one per available
     *                          processor
     * @param maxRunDuration    a run taking longer fails with TIMEOUT
     * @param controlLookback   how far back the control topic is read at start-up for cancellations
     * @param heartbeatInterval an attempt that published nothing for this long publishes a BenchmarkHeartbeat
     * @param stallTimeout      an attempt that made no headway for its sample's timeout plus this long is hung: it
     *                          is abandoned and its run retried as a new attempt
     * @param maxAttempts       attempts of one run that may end without a word from their runner (killed or hung)
     *                          before the run fails as RUNNER_LOST
     * @param maxPollInterval   the consumer's {@code max.poll.interval.ms}: a consumer thread silent this long
     *                          leaves the group and its requests go to another runner (runs execute on worker
     *                          threads, so this is independent of how long a run takes)
     * @param sessionTimeout    the consumer's {@code session.timeout.ms} (unless {@code spring.kafka.consumer.*}
     *                          sets it): how soon the requests of a runner that died move to another one
     * @param calibrationWait   how long a calibration waits for a free worker before it is answered 503
     * @param maxWaitingCalibrations calibrations waiting for a worker at most; more are answered 503 at once
     */
    public record Worker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0") @PositiveOrZero int concurrentRuns,
            @DefaultValue("6h") Duration maxRunDuration,
            @DefaultValue("24h") Duration controlLookback,
            @DefaultValue("10s") Duration heartbeatInterval,
            @DefaultValue("2m") Duration stallTimeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("2m") Duration maxPollInterval,
            @DefaultValue("10s") Duration sessionTimeout,
            @DefaultValue("30s") Duration calibrationWait,
            @DefaultValue("4") int maxWaitingCalibrations) {

        public Worker {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException(
                        "benchpulse.runner.worker.max-attempts must be at least 1, not " + maxAttempts);
            }
        }

        public int resolvedConcurrentRuns() {
            return concurrentRuns > 0 ? concurrentRuns : Runtime.getRuntime().availableProcessors();
        }
    }
}
