package dev.benchpulse.launcher.supervision;

import dev.benchpulse.launcher.process.ComponentProcess;
import dev.benchpulse.launcher.process.LogTail;
import dev.benchpulse.launcher.process.PidFile;
import dev.benchpulse.launcher.process.Watchdog;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the components of one launch and looks after them while they run: starts them stage by stage (the
 * components of a stage in parallel, each health-checked), reports a component that dies, and stops everything in
 * reverse order. Every process is listed in the pid file and watched by a {@link Watchdog}, so none outlives a
 * launcher that is killed outright. Which components, in which stages, is decided before (the {@code up} command's
 * plan); this class knows only {@link Component}s.
 */
public final class Supervisor {

    private enum State { NEW, STARTING, RUNNING, STOPPING, STOPPED }

    private final List<List<Component>> stages;
    private final StackConsole console;
    private final PidFile pidFile;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final Map<Component, ComponentProcess> running = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile State state = State.NEW;
    private volatile Watchdog watchdog;
    private volatile boolean startFailed;

    public Supervisor(List<List<Component>> stages, StackConsole console, PidFile pidFile, Duration startTimeout,
            Duration stopTimeout) {
        this.stages = stages.stream().filter(stage -> !stage.isEmpty()).map(List::copyOf).toList();
        this.console = console;
        this.pidFile = pidFile;
        this.startTimeout = startTimeout;
        this.stopTimeout = stopTimeout;
    }

    /** Starts every stage in order; on failure the caller stops the stack. */
    public void start() throws ComponentFailure, InterruptedException, IOException {
        state = State.STARTING;
        watchdog = Watchdog.start(pidFile.path());
        for (List<Component> stage : stages) {
            console.starting(stage);
            startStage(stage);
            failIfAnyDied();
        }
        state = State.RUNNING;
    }

    /** True once a component failed to start or the stack is stopping: the others stop waiting. */
    boolean givingUp() {
        return startFailed || isStopping();
    }

    /** True once {@link #stop()} has begun. */
    public boolean isStopping() {
        return state == State.STOPPING || state == State.STOPPED;
    }

    /** The processes started so far, by component name. */
    public synchronized Map<String, ComponentProcess> processes() {
        Map<String, ComponentProcess> byName = new LinkedHashMap<>();
        running.forEach((component, process) -> byName.put(component.name(), process));
        return byName;
    }

    private void startStage(List<Component> stage) throws ComponentFailure, InterruptedException {
        List<Future<Duration>> starts = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            stage.forEach(component -> starts.add(executor.submit(() -> startOne(component))));
            ComponentFailure failure = null;
            for (int i = 0; i < stage.size(); i++) {
                try {
                    console.ready(stage.get(i), starts.get(i).get());
                } catch (ExecutionException e) {
                    // the component that failed first, not those that gave up because of it
                    boolean gaveUp = e.getCause() instanceof InterruptedException;
                    failure = failure != null && (gaveUp || !failure.gaveUp()) ? failure
                            : asFailure(stage.get(i), e.getCause());
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    private Duration startOne(Component component) throws Exception {
        long began = System.nanoTime();
        try {
            Optional<ComponentProcess> process = component.start();
            if (process.isPresent()) {
                register(component, process.get());
            }
            component.awaitReady(new Readiness(component.name(), process, startTimeout, this));
        } catch (Exception e) {
            startFailed = true;
            throw e;
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    private synchronized void register(Component component, ComponentProcess process) throws InterruptedException {
        if (isStopping()) {
            process.stop(stopTimeout);
            throw new InterruptedException("stopping");
        }
        running.put(component, process);
        pidFile.add(process);
        process.onExit().thenRun(() -> exited(process));
    }

    private void exited(ComponentProcess process) {
        if (state == State.RUNNING) {
            console.died(process.name(), process.exitCode(), LogTail.of(process.log(), Readiness.TAIL_LINES));
            pidFile.remove(process);
        }
    }

    private synchronized void failIfAnyDied() throws ComponentFailure {
        for (ComponentProcess process : running.values()) {
            if (!process.isAlive()) {
                throw new ComponentFailure(process.name(), "exited with code " + process.exitCode()
                        + " while the stack was starting", LogTail.of(process.log(), Readiness.TAIL_LINES));
            }
        }
    }

    private static ComponentFailure asFailure(Component component, Throwable cause) {
        return switch (cause) {
            case ComponentFailure failure -> failure;
            case InterruptedException gaveUp -> ComponentFailure.gaveUp(component.name());
            default -> new ComponentFailure(component.name(), String.valueOf(cause.getMessage()), List.of());
        };
    }

    /** Stops every started component, the last stage first; safe to call more than once and from any thread. */
    public void stop() {
        List<List<ComponentProcess>> toStop = null;
        synchronized (this) {
            if (!isStopping()) {
                state = State.STOPPING;
                toStop = stages.stream().map(stage -> stage.stream().map(running::get)
                        .filter(p -> p != null && p.isAlive()).toList()).filter(s -> !s.isEmpty()).toList();
            }
        }
        if (toStop == null) {
            awaitStopped();
            return;
        }
        try {
            new StackShutdown(console, pidFile, stopTimeout).stopInReverse(toStop);
        } finally {
            if (watchdog != null) {
                watchdog.stop();
            }
            state = State.STOPPED;
            stopped.countDown();
        }
    }

    /** Blocks until {@link #stop()} has finished. */
    public void awaitStopped() {
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
