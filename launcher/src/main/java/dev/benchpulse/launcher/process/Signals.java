package dev.benchpulse.launcher.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Sends POSIX signals with the system's {@code kill}, for what {@link ProcessHandle} cannot do: a signal other than
 * TERM or KILL (PostgreSQL's fast shutdown is INT), or a whole process group (a component and everything it started).
 */
public final class Signals {

    private static final Path SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid", "/usr/local/bin/setsid")
            .map(Path::of)
            .filter(Files::isExecutable)
            .findFirst()
            .orElse(null);

    private Signals() {}

    /** Sends {@code signal} (a name such as {@code TERM}) to one process; false when it could not be sent. */
    public static boolean send(long pid, String signal) {
        return kill("-" + signal, String.valueOf(pid));
    }

    /** Sends {@code signal} to every process of the group {@code pgid}; false when none received it. */
    public static boolean sendToGroup(long pgid, String signal) {
        return kill("-" + signal, "--", "-" + pgid);
    }

    /**
     * The {@code setsid} program, when the system has one: a component started through it leads its own session
     * and process group, so Ctrl-C in the terminal reaches only the launcher (which then stops the components in
     * order) and the component's whole tree can be signalled at once.
     */
    public static Optional<Path> setsid() {
        return Optional.ofNullable(SETSID);
    }

    private static boolean kill(String... arguments) {
        List<String> command =
                Stream.concat(Stream.of("kill"), Stream.of(arguments)).toList();
        try {
            Process kill = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(5, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
