package dev.benchpulse.runner.runtime;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The runtimes' settings: the PHP runtimes ({@code benchpulse.runner.runtimes}) and the time limit of their
 * start-up probe ({@code benchpulse.runner.execution.probe-timeout}; the other {@code execution} keys belong to
 * sample execution, {@code RunProperties}).
 *
 * @param runtimes  the PHP runtimes benchmarks can run on
 * @param execution the runtimes' part of {@code benchpulse.runner.execution}
 */
@ConfigurationProperties("benchpulse.runner")
public record RuntimeProperties(
        @DefaultValue List<RuntimeSpec> runtimes,
        @DefaultValue Execution execution) {

    /**
     * The runtimes' part of {@code benchpulse.runner.execution}.
     *
     * @param probeTimeout limit for the start-up probe that detects a runtime's PHP version
     */
    public record Execution(@DefaultValue("15s") Duration probeTimeout) {
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
