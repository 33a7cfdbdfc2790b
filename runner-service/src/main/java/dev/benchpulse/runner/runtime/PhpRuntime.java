package dev.benchpulse.runner.runtime;

import dev.benchpulse.runner.runtime.RuntimeProperties.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PHP runtime and what its probe found: whether it starts, its PHP version, where the build comes from and
 * whether the opcache JIT is really on.
 *
 * @param id           stable id used in run requests and events
 * @param name         display name
 * @param kind         how the harness reaches PHP (a file, or stdin for containers)
 * @param command      argv that starts PHP, possibly with an {@code {args}} placeholder
 * @param settings     every ini setting the runtime runs with beyond PHP's compiled-in defaults ({@code -d key=value}):
 *                     the standard ones of every runtime, then its own, which win
 * @param available    whether the probe could run PHP
 * @param reason       why it is unavailable and how to fix it, or a warning (e.g. JIT requested but off); else null
 * @param phpVersion   {@code PHP_VERSION} reported by the runtime, null when unavailable
 * @param jit          whether the opcache JIT is on in this runtime
 * @param startOptions options before the settings that make every runtime start alike: {@code -n} (no php.ini)
 *                     and the standard extensions that are not built in; found by the probe
 * @param origin       where the runtime and its build come from
 */
public record PhpRuntime(
        String id,
        String name,
        Kind kind,
        List<String> command,
        Map<String, String> settings,
        boolean available,
        String reason,
        String phpVersion,
        boolean jit,
        List<String> startOptions,
        Origin origin) {

    /** Placeholder in {@link #command} where the runner's arguments go (at the end when absent). */
    public static final String ARGS_PLACEHOLDER = "{args}";

    public PhpRuntime {
        command = List.copyOf(command);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        startOptions = List.copyOf(startOptions);
    }

    /**
     * Where a runtime comes from.
     *
     * @param source      {@code configured} (benchpulse.runner.runtimes) or {@code installed} (./benchpulse php install)
     * @param packager    who built the PHP ({@code php -i}: Build Provider), null when it does not say
     * @param compiler    the compiler it was built with ({@code php -i}: Compiler), null when it does not say
     * @param buildSystem the system it was built on ({@code php -i}: Build System), null when it does not say
     * @param npmPackage  {@code name@version} of the package an installed version came from, else null
     * @param integrity   that package's pinned sha512, else null
     */
    public record Origin(
            String source, String packager, String compiler, String buildSystem, String npmPackage, String integrity) {

        public static Origin configured() {
            return new Origin("configured", null, null, null, null, null);
        }

        Origin withBuild(String packager, String compiler, String buildSystem) {
            return new Origin(source, packager, compiler, buildSystem, npmPackage, integrity);
        }
    }

    public Optional<PhpVersion> version() {
        return Optional.ofNullable(phpVersion).map(PhpVersion::parse);
    }

    /** Whether this runtime is available and its PHP is one {@code compatibility} allows. */
    public boolean canRun(PhpCompatibility compatibility) {
        return available && version().map(compatibility::allows).orElse(false);
    }

    /**
     * The full argv: the command with the start options, then {@code -d} options (the runner's {@code baseIni}
     * first, then this runtime's settings, which win) and {@code arguments} at the placeholder or the end.
     */
    public List<String> argv(Map<String, String> baseIni, List<String> arguments) {
        List<String> inserted = new ArrayList<>(startOptions);
        Map<String, String> ini = new LinkedHashMap<>(baseIni);
        ini.putAll(settings);
        ini.forEach((key, value) -> {
            inserted.add("-d");
            inserted.add(key + "=" + value);
        });
        inserted.addAll(arguments);
        List<String> argv = new ArrayList<>();
        boolean placed = false;
        for (String part : command) {
            if (part.equals(ARGS_PLACEHOLDER)) {
                argv.addAll(inserted);
                placed = true;
            } else {
                argv.add(part);
            }
        }
        if (!placed) {
            argv.addAll(inserted);
        }
        return argv;
    }

    /** The command as one line, for messages. */
    public String commandLine() {
        return String.join(" ", command).replace(" " + ARGS_PLACEHOLDER, "");
    }

    PhpRuntime probed(
            boolean available,
            String reason,
            String phpVersion,
            boolean jit,
            List<String> startOptions,
            Origin origin) {
        return new PhpRuntime(
                id, name, kind, command, settings, available, reason, phpVersion, jit, startOptions, origin);
    }

    PhpRuntime unavailable(String reason) {
        return probed(false, reason, null, false, List.of(), origin);
    }
}
