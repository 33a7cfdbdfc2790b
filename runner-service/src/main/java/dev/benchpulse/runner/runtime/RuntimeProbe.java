package dev.benchpulse.runner.runtime;

import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.process.ProcessResult;
import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.runtime.RuntimeProperties.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds out what a runtime really is by running it, twice. First bare ({@code -n}, no php.ini): its
 * {@code PHP_VERSION}, who built it with which compiler ({@code phpinfo()}), and which of the standard extensions are
 * built in or can be loaded from its extension directory; that gives the runtime's start options. Then as a sample
 * will run it (start options and settings): whether it starts cleanly, and whether the JIT is really on
 * ({@code opcache_get_status()['jit']['on']}). A runtime that cannot start is unavailable, with the reason and how
 * to fix it; one that starts with a warning, or lacks a standard extension, is available with the warning.
 */
final class RuntimeProbe {

    private static final String JIT_PROBE = "echo json_encode(['version' => PHP_VERSION, "
            + "'opcache' => function_exists('opcache_get_status'), "
            + "'jit' => function_exists('opcache_get_status') && !empty((opcache_get_status(false) ?: [])['jit']['on'])]);";

    private final ProcessRunner processes;
    private final Duration timeout;
    private final List<String> extensions;
    private final JsonMapper json = JsonMapper.builder().build();

    RuntimeProbe(ProcessRunner processes, Duration timeout, List<String> extensions) {
        this.processes = processes;
        this.timeout = timeout;
        this.extensions = List.copyOf(extensions);
        extensions.forEach(e -> {
            if (!e.matches("[a-z0-9_]+")) {
                throw new IllegalArgumentException(
                        "benchpulse.runner.standard.extensions: '" + e + "' is not an extension name such as mbstring");
            }
        });
    }

    PhpRuntime probe(PhpRuntime runtime) {
        PhpRuntime bare = runtime.probed(false, null, null, false, List.of("-n"), runtime.origin());
        ProcessResult first = run(bare, Map.of(), bareProbe());
        if (failed(first)) {
            return runtime.unavailable(why(runtime, first));
        }
        JsonNode found = json.readTree(first.stdout().strip());
        List<String> warnings = new ArrayList<>();
        List<String> options = startOptions(found, warnings);
        PhpRuntime.Origin origin = runtime.origin()
                .withBuild(text(found, "packager"), text(found, "compiler"), text(found, "buildSystem"));
        PhpRuntime configured = runtime.probed(false, null, null, false, options, origin);
        ProcessResult second = run(configured, runtime.settings(), JIT_PROBE);
        if (failed(second)) {
            return configured.unavailable(why(runtime, second));
        }
        JsonNode report = json.readTree(second.stdout().strip());
        boolean jit = report.path("jit").asBoolean(false);
        if (jitRequested(runtime) && !jit) {
            warnings.add(jitOff(report.path("opcache").asBoolean(false)));
        }
        if (!second.stderr().isBlank()) {
            warnings.add("PHP printed at start: " + shorten(second.stderr()));
        }
        return configured.probed(
                true,
                warnings.isEmpty() ? null : String.join("; ", warnings),
                report.path("version").asString(),
                jit,
                options,
                origin);
    }

    private ProcessResult run(PhpRuntime runtime, Map<String, String> settings, String code) {
        PhpRuntime withSettings = new PhpRuntime(
                runtime.id(),
                runtime.name(),
                runtime.kind(),
                runtime.command(),
                settings,
                false,
                null,
                null,
                false,
                runtime.startOptions(),
                runtime.origin());
        List<String> argv = withSettings.argv(Map.of("display_errors", "stderr"), List.of("-r", code));
        return processes.run(argv, new byte[0], timeout, Cancellation.none());
    }

    /** {@code -n}, then a {@code -d} loading each standard extension that is not built in but can be loaded. */
    private List<String> startOptions(JsonNode found, List<String> warnings) {
        List<String> options = new ArrayList<>(List.of("-n"));
        List<String> missing = new ArrayList<>();
        for (String extension : extensions) {
            if (found.path("loaded").path(extension).asBoolean(false)) {
                continue;
            }
            if (found.path("loadable").path(extension).asBoolean(false)) {
                options.add("-d");
                options.add((extension.equals("opcache") ? "zend_extension=" : "extension=") + extension);
            } else {
                missing.add(extension);
            }
        }
        if (!missing.isEmpty()) {
            warnings.add("extension" + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " not available (not built in, not in "
                    + found.path("extensionDir").asString("?")
                    + "): benchmarks using " + (missing.size() > 1 ? "them" : "it") + " fail on this runtime; install "
                    + (missing.size() > 1 ? "them" : "it") + " (Debian: php-" + missing.get(0) + ")");
        }
        return options;
    }

    /** Version, build information, and for each standard extension whether it is loaded and whether it could be. */
    private String bareProbe() {
        String list = extensions.stream().map(e -> "'" + e + "'").collect(Collectors.joining(","));
        return """
                $d = (string) ini_get('extension_dir');
                $all = array_map('strtolower', array_merge(get_loaded_extensions(), get_loaded_extensions(true)));
                $r = ['version' => PHP_VERSION, 'extensionDir' => $d, 'loaded' => [], 'loadable' => []];
                foreach ([%s] as $e) {
                    $r['loaded'][$e] = in_array($e === 'opcache' ? 'zend opcache' : $e, $all, true);
                    $r['loadable'][$e] = is_file($d . DIRECTORY_SEPARATOR . $e . '.' . PHP_SHLIB_SUFFIX);
                }
                ob_start();
                phpinfo(INFO_GENERAL);
                $i = ob_get_clean();
                foreach (['Build Provider' => 'packager', 'Compiler' => 'compiler', 'Build System' => 'buildSystem'] as $k => $n) {
                    if (preg_match('/^' . $k . ' => (.*)$/m', $i, $m)) {
                        $r[$n] = trim($m[1]);
                    }
                }
                echo json_encode($r);
                """.formatted(list);
    }

    private static boolean failed(ProcessResult result) {
        return result.ending() != ProcessResult.Ending.EXITED
                || result.exitCode() != 0
                || !result.stdout().strip().startsWith("{");
    }

    private String why(PhpRuntime runtime, ProcessResult result) {
        return switch (result.ending()) {
            case NOT_STARTED -> cannotStart(runtime, result.startFailure());
            case TIMED_OUT, CANCELLED ->
                "`" + runtime.commandLine() + "` did not answer within " + timeout.toSeconds()
                        + " s; check that it runs PHP, or raise benchpulse.runner.execution.probe-timeout";
            case EXITED -> exitedBadly(runtime, result);
        };
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asString("");
        return value.isBlank() ? null : value;
    }

    private static String cannotStart(PhpRuntime runtime, String why) {
        String fix = runtime.kind() == Kind.CONTAINER
                ? "Install the Docker CLI, or remove this runtime (it belongs to the docker profile)."
                : "Install the PHP CLI (Debian: apt-get install php-cli) or point the runtime's command at a PHP binary "
                        + "(benchpulse.runner.runtimes[].command).";
        return "Cannot start `" + runtime.commandLine() + "`: " + why + ". " + fix;
    }

    private static String exitedBadly(PhpRuntime runtime, ProcessResult result) {
        String fix = runtime.kind() == Kind.CONTAINER
                ? "Start the PHP containers (docker compose up -d) and check the container name in the command."
                : "Check that the command runs PHP and that every -d setting is valid.";
        return "`" + runtime.commandLine() + "` failed (exit " + result.exitCode() + "): "
                + shorten(result.stderr() + " " + result.stdout()) + ". " + fix;
    }

    private static String shorten(String text) {
        String output = text.strip().replaceAll("\\s+", " ");
        return output.length() > 300 ? output.substring(0, 300) + "…" : output;
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
