package dev.benchpulse.launcher.process;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Processes that a previous launcher of the same state directory left running (it was killed before it could stop
 * them and no watchdog did it either). A listed pid counts only while its command line still names the state
 * directory, so a recycled pid is never touched.
 */
public final class Leftovers {

    private Leftovers() {}

    /** Stops every leftover process listed in {@code pidFile}; returns the names of those it stopped. */
    public static List<String> stop(Path pidFile, Path stateDir, Duration timeout) throws IOException {
        List<String> stopped = new ArrayList<>();
        for (PidFile.Entry entry : PidFile.read(pidFile)) {
            Optional<ProcessHandle> handle = ProcessHandle.of(entry.pid())
                    .filter(h -> h.info().commandLine().orElse("").contains(stateDir.toString()));
            if (handle.isPresent()) {
                stop(handle.get(), entry.signal(), timeout);
                stopped.add(entry.name() + " (pid " + entry.pid() + ")");
            }
        }
        return stopped;
    }

    private static void stop(ProcessHandle process, String signal, Duration timeout) {
        Signals.send(process.pid(), signal);
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // killed below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Signals.sendToGroup(process.pid(), "KILL");
        process.destroyForcibly();
    }
}
