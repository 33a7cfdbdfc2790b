package dev.benchpulse.runner.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The runtimes' settings: the configured PHP runtimes ({@code benchpulse.runner.runtimes}), the PHP versions
 * installed by {@code ./benchpulse php install} ({@code installed}), what every runtime runs with ({@code standard})
 * and the time limit of their start-up probe ({@code benchpulse.runner.execution.probe-timeout}; the other
 * {@code execution} keys belong to sample execution, {@code RunProperties}).
 *
 * @param runtimes  the configured PHP runtimes
 * @param execution the runtimes' part of {@code benchpulse.runner.execution}
 * @param standard  the extensions and ini settings every runtime runs with, so that two runtimes differ only in
 *                  their PHP and their own settings
 * @param installed where installed PHP versions are found, each offered as a runtime (and a JIT twin)
 */
@ConfigurationProperties("benchpulse.runner")
public record RuntimeProperties(
        @DefaultValue List<RuntimeSpec> runtimes,
        @DefaultValue Execution execution,
        @DefaultValue Standard standard,
        @DefaultValue Installed installed) {

    /**
     * What every runtime runs with. Every runtime starts without a php.ini ({@code -n}), so compiled-in defaults
     * apply except for these settings; the extensions are loaded explicitly where they are not built in.
     *
     * @param extensions extensions loaded in every runtime unless built in ({@code opcache} as a Zend extension)
     * @param settings   ini settings of every runtime as {@code key=value}; a runtime's own settings win
     */
    public record Standard(
            @DefaultValue({"opcache", "json", "ctype", "mbstring"})
            List<String> extensions,

            @DefaultValue({"zend.assertions=-1", "opcache.enable_cli=0"})
            List<String> settings) {}

    /**
     * PHP versions installed by {@code ./benchpulse php install}: each {@code <dir>/<major.minor>/} with its
     * manifest becomes the runtime {@code php-<major.minor>}, and from PHP 8.0 on also {@code php-<major.minor>-jit}.
     *
     * @param dir            the install directory; none are looked for when it does not exist
     * @param rescanInterval how often the directory is looked at again, so a version installed (or removed) while
     *                       the runner runs is picked up without a restart
     * @param jitSettings    the settings of the JIT twins
     */
    public record Installed(
            @DefaultValue(".benchpulse/php") Path dir,
            @DefaultValue("5s") Duration rescanInterval,

            @DefaultValue({"opcache.enable_cli=1", "opcache.jit=tracing", "opcache.jit_buffer_size=64M"})
            List<String> jitSettings) {}

    /**
     * The runtimes' part of {@code benchpulse.runner.execution}.
     *
     * @param probeTimeout limit for the start-up probe that detects a runtime's PHP version
     */
    public record Execution(@DefaultValue("15s") Duration probeTimeout) {}

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
            @DefaultValue("local") Kind kind) {}

    /** How a runtime receives the harness script. */
    public enum Kind {
        /** A PHP binary on this machine: the harness is written to a file PHP runs (so opcache caches it). */
        LOCAL,
        /** A PHP inside a container ({@code docker exec -i}): the harness travels on stdin. */
        CONTAINER
    }
}
