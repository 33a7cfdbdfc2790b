package dev.benchpulse.launcher.supervision;

import dev.benchpulse.launcher.process.ComponentProcess;
import dev.benchpulse.launcher.process.PidFile;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Stops the started components stage by stage, the last stage first (the services before what they use), the
 * components of one stage together; then empties the pid file, since nothing is left for a watchdog to stop.
 */
final class StackShutdown {

    private final StackConsole console;
    private final PidFile pidFile;
    private final Duration stopTimeout;

    StackShutdown(StackConsole console, PidFile pidFile, Duration stopTimeout) {
        this.console = console;
        this.pidFile = pidFile;
        this.stopTimeout = stopTimeout;
    }

    void stopInReverse(List<List<ComponentProcess>> stages) {
        for (int i = stages.size() - 1; i >= 0; i--) {
            stopStage(stages.get(i));
        }
        try {
            pidFile.delete();
        } catch (IOException e) {
            console.line("Could not delete " + pidFile.path() + ": " + e.getMessage());
        }
    }

    private void stopStage(List<ComponentProcess> stage) {
        console.stopping(stage.stream().map(ComponentProcess::name).toList());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ComponentProcess process : stage) {
                executor.submit(() -> {
                    long began = System.nanoTime();
                    boolean clean = process.stop(stopTimeout);
                    console.stopped(process.name(), Duration.ofNanos(System.nanoTime() - began), clean);
                    pidFile.remove(process);
                    return clean;
                });
            }
        }
    }
}
