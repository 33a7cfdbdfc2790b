package dev.benchpulse.launcher.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small shell process that outlives a launcher killed with SIGKILL (which runs no shutdown hook): it polls the
 * launcher's pid and, once the launcher is gone, stops every process still listed in the pid file, newest first,
 * each with its own stop signal, then kills what remains of each process group. A launcher that stops normally
 * empties the pid file and ends the watchdog itself.
 */
public final class Watchdog {

    private static final String SCRIPT = """
            launcher=$1; pids=$2
            while kill -0 "$launcher" 2>/dev/null; do sleep 1; done
            [ -s "$pids" ] || exit 0
            list=$(cat "$pids")
            echo "$list" | while read -r pid signal name; do
              [ -n "$pid" ] || continue
              kill -"$signal" "$pid" 2>/dev/null || continue
              i=0
              while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 150 ]; do sleep 0.1; i=$((i+1)); done
              kill -KILL -- "-$pid" 2>/dev/null
              kill -KILL "$pid" 2>/dev/null
            done
            """;

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    /** Starts a watchdog for the current process and {@code pidFile}. */
    public static Watchdog start(Path pidFile) throws IOException {
        List<String> command = new ArrayList<>();
        Signals.setsid().ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(List.of(
                "/bin/sh",
                "-c",
                SCRIPT,
                "benchpulse-watchdog",
                String.valueOf(ProcessHandle.current().pid()),
                pidFile.toString()));
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true)
                .start();
        return new Watchdog(process);
    }

    public long pid() {
        return process.pid();
    }

    /** Ends the watchdog (the launcher stopped the components itself). */
    public void stop() {
        if (Signals.setsid().isPresent()) {
            Signals.sendToGroup(process.pid(), "KILL");
        }
        process.destroyForcibly();
    }
}
