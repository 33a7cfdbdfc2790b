package dev.benchpulse.launcher.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A running component: its OS process, log and how to stop it. Stopping asks nicely first (the component's stop
 * signal), waits, then kills what is left of its process tree, so nothing it started outlives it.
 */
public final class ComponentProcess {

    private final String name;
    private final Process process;
    private final Path log;
    private final String stopSignal;
    private final Duration stopGrace;
    private final boolean ownGroup;

    ComponentProcess(String name, Process process, Path log, String stopSignal, Duration stopGrace, boolean ownGroup) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.stopSignal = stopSignal;
        this.stopGrace = stopGrace;
        this.ownGroup = ownGroup;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public String stopSignal() {
        return stopSignal;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public int exitCode() {
        return process.exitValue();
    }

    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** Asks the process to stop, waits up to {@code timeout} (plus its grace), then kills what is left of its tree. */
    public boolean stop(Duration timeout) throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        boolean clean = true;
        if (process.isAlive()) {
            if ("TERM".equals(stopSignal)) {
                process.destroy();
            } else {
                Signals.send(pid(), stopSignal);
            }
            clean = process.waitFor(timeout.plus(stopGrace).toMillis(), TimeUnit.MILLISECONDS);
        }
        killRest(tree);
        return clean;
    }

    /** Kills the process and everything it started, without waiting for a clean stop. */
    public void kill() throws InterruptedException {
        killRest(process.descendants().toList());
    }

    private void killRest(List<ProcessHandle> tree) throws InterruptedException {
        if (ownGroup) {
            Signals.sendToGroup(pid(), "KILL");
        }
        process.destroyForcibly();
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        process.waitFor(5, TimeUnit.SECONDS);
    }
}
