package dev.benchpulse.runner.system;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The runner's settings ({@code benchpulse.runner.*}).
 *
 * @param catalogDir directory holding one YAML file per benchmark
 * @param instanceId id of this runner instance in events; host name and process id when blank
 * @param execution  how one sample's PHP process is run
 * @param worker     how run requests are consumed
 * @param runtimes   the PHP runtimes benchmarks can run on
 */
@ConfigurationProperties("benchpulse.runner")
public record RunnerProperties(
        @DefaultValue("benchmarks") Path catalogDir,
        String instanceId,
        @DefaultValue Execution execution,
        @DefaultValue Worker worker,
        @DefaultValue List<RuntimeSpec> runtimes) {

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
     * Sample execution.
     *
     * @param sampleTimeout wall-clock limit of one sample's PHP process; it is killed with its children beyond it
     * @param memoryLimit   PHP {@code memory_limit} of a sample
     * @param maxOutput     bytes kept of a process's stdout and of its stderr (the tail)
     * @param probeTimeout  limit for the start-up probe that detects a runtime's PHP version
     * @param workDir       where harness files of local runtimes are written; the system temp dir when blank
     */
    public record Execution(
            @DefaultValue("30s") Duration sampleTimeout,
            @DefaultValue("512M") String memoryLimit,
            @DefaultValue("64KB") DataSize maxOutput,
            @DefaultValue("15s") Duration probeTimeout,
            Path workDir) {

        public Path resolvedWorkDir() {
            return workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
        }
    }

    /**
     * Run-request consumption.
     *
     * @param enabled         consume run requests (off: the instance only serves the HTTP API)
     * @param concurrentRuns  runs executed at once by this instance; 0 means one per available processor
     * @param maxRunDuration  a run taking longer fails with TIMEOUT; also bounds the consumer's poll interval
     * @param controlLookback how far back the control topic is read at start-up for cancellations
     */
    public record Worker(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0") int concurrentRuns,
            @DefaultValue("6h") Duration maxRunDuration,
            @DefaultValue("24h") Duration controlLookback) {

        public int resolvedConcurrentRuns() {
            return concurrentRuns > 0 ? concurrentRuns : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * One configured PHP runtime.
     *
     * @param id       stable id used in run requests and events, e.g. {@code php-jit}
     * @param name     display name
     * @param command  argv that starts PHP; the runner's arguments go where {@code {args}} is, else at the end
     * @param settings extra ini settings as {@code key=value}, passed with {@code -d}
     * @param kind     {@code local}: the harness travels as a file; {@code container}: on stdin
     */
    public record RuntimeSpec(
            String id,
            String name,
            @DefaultValue("php") List<String> command,
            @DefaultValue List<String> settings,
            @DefaultValue("local") Kind kind) {
    }

    /** How a runtime receives the harness script. */
    public enum Kind {
        /** A PHP binary on this machine: the harness is written to a file PHP runs (so opcache caches it). */
        LOCAL,
        /** A PHP inside a container ({@code docker exec -i}): the harness travels on stdin. */
        CONTAINER
    }
}
