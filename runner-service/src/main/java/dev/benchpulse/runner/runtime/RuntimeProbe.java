package dev.benchpulse.runner.runtime;

import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.process.ProcessResult;
import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.runtime.RuntimeProperties.Kind;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds out what a runtime really is by running it: its {@code PHP_VERSION}, whether opcache is loaded and whether
 * the JIT is on ({@code opcache_get_status()['jit']['on']}). A runtime that cannot start is unavailable, with the
 * reason and how to fix it.
 */
final class RuntimeProbe {

    private static final String PROBE = "echo json_encode(['version' => PHP_VERSION, "
            + "'opcache' => function_exists('opcache_get_status'), "
            + "'jit' => function_exists('opcache_get_status') && !empty((opcache_get_status(false) ?: [])['jit']['on'])]);";

    private final ProcessRunner processes;
    private final Duration timeout;
    private final JsonMapper json = JsonMapper.builder().build();

    RuntimeProbe(ProcessRunner processes, Duration timeout) {
        this.processes = processes;
        this.timeout = timeout;
    }

    PhpRuntime probe(PhpRuntime runtime) {
        List<String> argv = runtime.argv(Map.of("display_errors", "stderr"), List.of("-r", PROBE));
        ProcessResult result = processes.run(argv, new byte[0], timeout, Cancellation.none());
        return switch (result.ending()) {
            case NOT_STARTED -> runtime.probed(false, cannotStart(runtime, result.startFailure()), null, false);
            case TIMED_OUT, CANCELLED -> runtime.probed(false, "`" + runtime.commandLine() + "` did not answer within "
                    + timeout.toSeconds() + " s; check that it runs PHP, or raise benchpulse.runner.execution.probe-timeout",
                    null, false);
            case EXITED -> read(runtime, result);
        };
    }

    private PhpRuntime read(PhpRuntime runtime, ProcessResult result) {
        String line = result.stdout().strip();
        if (result.exitCode() != 0 || !line.startsWith("{")) {
            return runtime.probed(false, failed(runtime, result), null, false);
        }
        JsonNode report = json.readTree(line);
        boolean jit = report.path("jit").asBoolean(false);
        String warning = jitRequested(runtime) && !jit ? jitOff(report.path("opcache").asBoolean(false)) : null;
        return runtime.probed(true, warning, report.path("version").asString(), jit);
    }

    private static String cannotStart(PhpRuntime runtime, String why) {
        String fix = runtime.kind() == Kind.CONTAINER
                ? "Install the Docker CLI, or remove this runtime (it belongs to the docker profile)."
                : "Install the PHP CLI (Debian: apt-get install php-cli) or point the runtime's command at a PHP binary "
                        + "(benchpulse.runner.runtimes[].command).";
        return "Cannot start `" + runtime.commandLine() + "`: " + why + ". " + fix;
    }

    private static String failed(PhpRuntime runtime, ProcessResult result) {
        String output = (result.stderr() + " " + result.stdout()).strip().replaceAll("\\s+", " ");
        String shortened = output.length() > 300 ? output.substring(0, 300) + "…" : output;
        String fix = runtime.kind() == Kind.CONTAINER
                ? "Start the PHP containers (docker compose up -d) and check the container name in the command."
                : "Check that the command runs PHP and that every -d setting is valid.";
        return "`" + runtime.commandLine() + "` failed (exit " + result.exitCode() + "): " + shortened + ". " + fix;
    }

    private static boolean jitRequested(PhpRuntime runtime) {
        String mode = runtime.settings().getOrDefault("opcache.jit", "");
        return !mode.isEmpty() && !List.of("0", "off", "disable").contains(mode.toLowerCase());
    }

    private static String jitOff(boolean opcacheLoaded) {
        return opcacheLoaded
                ? "JIT requested but not on: set opcache.enable_cli=1 and a non-zero opcache.jit_buffer_size, and "
                        + "remove extensions that disable the JIT (e.g. xdebug)"
                : "JIT requested but opcache is not loaded: add zend_extension=opcache to the runtime's settings or "
                        + "enable opcache in that PHP";
    }
}
