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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the components of one launch and looks after them while they run: starts them stage by stage (the
 * components of a stage in parallel, each health-checked), restarts a component that dies with a back-off
 * ({@link Supervised}), answers status and restart, kill, stop and start requests, and stops everything in reverse
 * order. Every process is listed in the pid file and watched by a {@link Watchdog}, so none outlives a launcher
 * that is killed outright. Which components, in which stages, is decided before (the {@code up} command's plan);
 * this class knows only {@link Component}s.
 */
public final class Supervisor {

    private enum State {
        NEW,
        STARTING,
        RUNNING,
        STOPPING,
        STOPPED
    }

    private static final Duration HEALTH_CHECK_LIMIT = Duration.ofSeconds(6);

    private final List<List<Component>> stages;
    private final StackConsole console;
    private final PidFile pidFile;
    private final Duration stopTimeout;
    private final Supervision supervision;
    private final Map<String, Supervised> supervised = new LinkedHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile State state = State.NEW;
    private volatile Watchdog watchdog;
    private volatile boolean startFailed;

    public Supervisor(
            List<List<Component>> stages,
            StackConsole console,
            PidFile pidFile,
            Duration startTimeout,
            Duration stopTimeout) {
        this(stages, console, pidFile, startTimeout, stopTimeout, RestartBackOff.Schedule.COMPOSE);
    }

    /** With another back-off than compose's between restarts (tests use milliseconds). */
    Supervisor(
            List<List<Component>> stages,
            StackConsole console,
            PidFile pidFile,
            Duration startTimeout,
            Duration stopTimeout,
            RestartBackOff.Schedule restarts) {
        this.stages = stages.stream()
                .filter(stage -> !stage.isEmpty())
                .map(List::copyOf)
                .toList();
        this.console = console;
        this.pidFile = pidFile;
        this.stopTimeout = stopTimeout;
        this.supervision = new Supervision(console, pidFile, startTimeout, stopTimeout, this::isStopping, restarts);
        this.stages.stream()
                .flatMap(List::stream)
                .forEach(component -> supervised.put(component.name(), new Supervised(component, supervision)));
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

    /** The processes running now, by component name. */
    public Map<String, ComponentProcess> processes() {
        Map<String, ComponentProcess> byName = new LinkedHashMap<>();
        supervised.forEach((name, component) -> component.process().ifPresent(p -> byName.put(name, p)));
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
                    failure = failure != null && (gaveUp || !failure.gaveUp())
                            ? failure
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
        Supervised one = supervised.get(component.name());
        try {
            Optional<ComponentProcess> process = component.start();
            if (process.isPresent()) {
                one.started(process.get());
            }
            component.awaitReady(new Readiness(component.name(), process, supervision.startTimeout(), this::givingUp));
            one.ready();
        } catch (Exception e) {
            startFailed = true;
            throw e;
        }
        return Duration.ofNanos(System.nanoTime() - began);
    }

    private void failIfAnyDied() throws ComponentFailure {
        for (ComponentProcess process : processes().values()) {
            if (!process.isAlive()) {
                throw new ComponentFailure(
                        process.name(),
                        "exited with code " + process.exitCode() + " while the stack was starting",
                        LogTail.of(process.log(), Readiness.TAIL_LINES));
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

    /** Every component with its state, process, health (checked now, in parallel), uptime and restarts. */
    public List<ComponentStatus> status() throws InterruptedException {
        try (ExecutorService checks = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<Supervised, Future<Boolean>> health = new LinkedHashMap<>();
            supervised
                    .values()
                    .forEach(one ->
                            health.put(one, one.checkable() ? checks.submit(() -> healthy(one.component())) : null));
            List<ComponentStatus> statuses = new ArrayList<>();
            for (Map.Entry<Supervised, Future<Boolean>> entry : health.entrySet()) {
                statuses.add(entry.getKey().status(entry.getValue() == null ? null : answer(entry.getValue())));
            }
            return statuses;
        }
    }

    private static boolean healthy(Component component) {
        try {
            return component.isHealthy();
        } catch (Exception e) {
            return false;
        }
    }

    private static Boolean answer(Future<Boolean> check) throws InterruptedException {
        try {
            return check.get(HEALTH_CHECK_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            check.cancel(true);
            return false;
        }
    }

    /** What a control request may do to one component. */
    public enum Action {
        RESTART,
        KILL,
        STOP,
        START
    }

    /**
     * Restarts, kills, stops or starts one component of the running stack, as {@code ./benchpulse} asks; returns
     * what happened. Restart and start return once the component is healthy (or failed to become so).
     *
     * @throws IllegalArgumentException for an unknown component or one that runs elsewhere
     * @throws IllegalStateException    while the stack is starting or stopping
     */
    public String act(Action action, String component) throws InterruptedException {
        Supervised one = supervised.get(component);
        if (one == null) {
            throw new IllegalArgumentException(
                    "No component " + component + " in this stack; it runs " + String.join(", ", supervised.keySet()));
        }
        if (state != State.RUNNING) {
            throw new IllegalStateException("The stack is " + state.name().toLowerCase() + "; try again once it is up");
        }
        return switch (action) {
            case RESTART -> one.restart();
            case KILL -> one.kill();
            case STOP -> one.stop();
            case START -> one.start();
        };
    }

    /** Stops every started component, the last stage first; safe to call more than once and from any thread. */
    public void stop() {
        List<List<ComponentProcess>> toStop = null;
        synchronized (this) {
            if (!isStopping()) {
                state = State.STOPPING;
                toStop = stages.stream()
                        .map(stage -> stage.stream()
                                .flatMap(component -> supervised.get(component.name()).process().stream())
                                .filter(ComponentProcess::isAlive)
                                .toList())
                        .filter(s -> !s.isEmpty())
                        .toList();
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
