package dev.benchpulse.runner.runtime;

import dev.benchpulse.runner.runtime.RuntimeProperties.Kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A configured PHP runtime and what its probe found: whether it starts, its PHP version and whether the opcache
 * JIT is really on.
 *
 * @param id         stable id used in run requests and events
 * @param name       display name
 * @param kind       how the harness reaches PHP (a file, or stdin for containers)
 * @param command    argv that starts PHP, possibly with an {@code {args}} placeholder
 * @param settings   extra ini settings, passed as {@code -d key=value}
 * @param available  whether the probe could run PHP
 * @param reason     why it is unavailable and how to fix it, or a warning (e.g. JIT requested but off); else null
 * @param phpVersion {@code PHP_VERSION} reported by the runtime, null when unavailable
 * @param jit        whether the opcache JIT is on in this runtime
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
        boolean jit) {

    /** Placeholder in {@link #command} where the runner's arguments go (at the end when absent). */
    public static final String ARGS_PLACEHOLDER = "{args}";

    public PhpRuntime {
        command = List.copyOf(command);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public Optional<PhpVersion> version() {
        return Optional.ofNullable(phpVersion).map(PhpVersion::parse);
    }

    /** Whether this runtime is available and its PHP is recent enough for a benchmark needing {@code required}. */
    public boolean canRun(Optional<PhpVersion> required) {
        if (!available) {
            return false;
        }
        return required.map(r -> version().map(v -> v.compareMinor(r) >= 0).orElse(false)).orElse(true);
    }

    /**
     * The full argv: the command with {@code -d} options (the runner's {@code baseIni} first, then this
     * runtime's settings, which win) and {@code arguments} at the placeholder or the end.
     */
    public List<String> argv(Map<String, String> baseIni, List<String> arguments) {
        List<String> inserted = new ArrayList<>();
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

    PhpRuntime probed(boolean available, String reason, String phpVersion, boolean jit) {
        return new PhpRuntime(id, name, kind, command, settings, available, reason, phpVersion, jit);
    }
}
