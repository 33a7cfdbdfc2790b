package dev.benchpulse.launcher.supervision;

import dev.benchpulse.launcher.process.ComponentProcess;
import dev.benchpulse.launcher.process.LogTail;
import java.time.Duration;
import java.util.Optional;

/**
 * One component of a running stack under supervision, with compose's {@code restart: unless-stopped}: a process
 * that exits unexpectedly is started again after a {@link RestartBackOff} and health-checked as at start-up (a
 * start that fails is retried the same way); one stopped on request stays stopped until it is started again. Also
 * what {@code ./benchpulse status}, {@code restart}, {@code kill}, {@code stop} and {@code start} do to it. A
 * component that runs elsewhere (an existing Kafka or PostgreSQL) is only reported.
 */
final class Supervised {

    enum State {
        STARTING,
        RUNNING,
        RESTARTING,
        WAITING,
        STOPPED,
        EXTERNAL
    }

    private final Component component;
    private final Supervision supervision;
    private final RestartBackOff backOff;
    private ComponentProcess process;
    private State state = State.STARTING;
    private long startedNanos;
    private int restarts;
    private Integer lastExitCode;

    Supervised(Component component, Supervision supervision) {
        this.component = component;
        this.supervision = supervision;
        this.backOff = new RestartBackOff(supervision.restarts());
    }

    String name() {
        return component.name();
    }

    Component component() {
        return component;
    }

    synchronized Optional<ComponentProcess> process() {
        return Optional.ofNullable(process);
    }

    /** Takes the process the stack started; throws when the stack is stopping (and stops the process). */
    synchronized void started(ComponentProcess started) throws InterruptedException {
        if (supervision.stopping().getAsBoolean()) {
            started.stop(supervision.stopTimeout());
            throw new InterruptedException("stopping");
        }
        process = started;
        startedNanos = System.nanoTime();
        supervision.pidFile().add(started);
        started.onExit().thenRun(() -> exited(started));
    }

    /** The start-up check passed: from now on an exit is unexpected. */
    synchronized void ready() {
        state = process == null ? State.EXTERNAL : State.RUNNING;
    }

    private void exited(ComponentProcess ended) {
        Duration delay;
        synchronized (this) {
            if (ended != process) {
                return;
            }
            lastExitCode = ended.exitCode();
            supervision.pidFile().remove(ended);
            if (state != State.RUNNING || supervision.stopping().getAsBoolean()) {
                return; // starting (the start reports it), restarting (the restart does), stopped on request
            }
            state = State.WAITING;
            delay = backOff.after(Duration.ofNanos(System.nanoTime() - startedNanos));
        }
        supervision
                .console()
                .died(name(), ended.exitCode(), LogTail.of(ended.log(), Readiness.TAIL_LINES), delay, restarts + 1);
        restartAfter(delay);
    }

    private void restartAfter(Duration delay) {
        Thread.ofVirtual().name("restart-" + name()).start(() -> {
            try {
                Thread.sleep(delay);
                synchronized (this) {
                    if (state != State.WAITING || supervision.stopping().getAsBoolean()) {
                        return;
                    }
                    state = State.RESTARTING;
                }
                String failure = bringUp();
                if (failure != null) {
                    waitAndRetry(failure);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void waitAndRetry(String failure) {
        Duration delay;
        synchronized (this) {
            if (state != State.RESTARTING || supervision.stopping().getAsBoolean()) {
                return;
            }
            state = State.WAITING;
            delay = backOff.after(Duration.ZERO);
        }
        supervision.console().restartFailed(name(), failure, delay);
        restartAfter(delay);
    }

    /**
     * Starts the component (state RESTARTING) and waits until it is healthy; null when it is, else why not, its
     * process then stopped. Counted as a restart either way.
     */
    private String bringUp() {
        long began = System.nanoTime();
        ComponentProcess started = null;
        try {
            started = component.start().orElseThrow(() -> new IllegalStateException(name() + " has no process"));
            synchronized (this) {
                if (supervision.stopping().getAsBoolean()) {
                    started.stop(supervision.stopTimeout());
                    return "the stack is stopping";
                }
                restarts++;
                process = started;
                startedNanos = System.nanoTime();
                supervision.pidFile().add(started);
            }
            ComponentProcess watched = started;
            started.onExit().thenRun(() -> exited(watched));
            component.awaitReady(new Readiness(
                    name(),
                    Optional.of(started),
                    supervision.startTimeout(),
                    () -> supervision.stopping().getAsBoolean() || state() == State.STOPPED));
            synchronized (this) {
                if (state == State.RESTARTING) {
                    state = State.RUNNING;
                }
            }
            supervision
                    .console()
                    .restarted(name(), Duration.ofNanos(System.nanoTime() - began), restarts, started.pid());
            return null;
        } catch (ComponentFailure failure) {
            stopQuietly(started);
            return failure.getMessage();
        } catch (InterruptedException e) {
            stopQuietly(started);
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (Exception e) {
            stopQuietly(started);
            return String.valueOf(e.getMessage());
        }
    }

    private void stopQuietly(ComponentProcess started) {
        if (started != null && started.isAlive()) {
            try {
                started.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    synchronized State state() {
        return state;
    }

    /** Stops the running process and starts it again, waiting until it is healthy; returns what happened. */
    String restart() throws InterruptedException {
        ComponentProcess old;
        synchronized (this) {
            requireOwnProcess();
            if (state == State.RESTARTING || state == State.STARTING) {
                return name() + " is already starting";
            }
            old = process;
            state = State.RESTARTING;
        }
        supervision.console().line("Restarting " + name() + " on request ...");
        if (old != null && old.isAlive()) {
            old.stop(supervision.stopTimeout());
        }
        String failure = bringUp();
        if (failure != null) {
            waitAndRetry(failure);
            return name() + " did not come back: " + failure + "; the supervisor keeps trying";
        }
        return name() + " restarted (pid "
                + process().map(ComponentProcess::pid).orElse(-1L) + ")";
    }

    /** Sends SIGKILL to the process and everything it started: the supervisor then restarts it as after a crash. */
    String kill() throws InterruptedException {
        ComponentProcess current;
        synchronized (this) {
            requireOwnProcess();
            current = process;
        }
        if (current == null || !current.isAlive()) {
            return name() + " has no running process";
        }
        supervision.console().line("Killing " + name() + " (pid " + current.pid() + ") on request (SIGKILL) ...");
        current.kill();
        return name() + " killed (pid " + current.pid() + ", SIGKILL)";
    }

    /** Stops the process; it stays stopped until {@link #start} (compose's unless-stopped). */
    String stop() throws InterruptedException {
        ComponentProcess current;
        synchronized (this) {
            requireOwnProcess();
            if (state == State.STOPPED) {
                return name() + " is already stopped";
            }
            state = State.STOPPED;
            current = process;
        }
        supervision
                .console()
                .line("Stopping " + name() + " on request; ./benchpulse start " + name() + " starts it again.");
        if (current != null && current.isAlive()) {
            current.stop(supervision.stopTimeout());
        }
        return name() + " stopped";
    }

    /** Starts a component stopped on request, waiting until it is healthy. */
    String start() {
        synchronized (this) {
            requireOwnProcess();
            if (state != State.STOPPED) {
                return name() + " is not stopped (" + state.name().toLowerCase() + ")";
            }
            state = State.RESTARTING;
        }
        supervision.console().line("Starting " + name() + " on request ...");
        String failure = bringUp();
        if (failure != null) {
            waitAndRetry(failure);
            return name() + " did not start: " + failure + "; the supervisor keeps trying";
        }
        return name() + " started (pid " + process().map(ComponentProcess::pid).orElse(-1L) + ")";
    }

    private void requireOwnProcess() {
        if (state == State.EXTERNAL) {
            throw new IllegalArgumentException(
                    name() + " runs elsewhere (an existing service): this stack does not " + "start or stop it");
        }
    }

    /** A snapshot for {@code ./benchpulse status}; {@code healthy} is checked by the caller, outside the lock. */
    synchronized ComponentStatus status(Boolean healthy) {
        boolean alive = process != null && process.isAlive();
        return new ComponentStatus(
                name(),
                state.name().toLowerCase(),
                alive ? process.pid() : null,
                healthy,
                alive ? Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds() : null,
                restarts,
                lastExitCode,
                component.address());
    }

    /** Whether there is anything to health-check: a process that runs, or a component that runs elsewhere. */
    synchronized boolean checkable() {
        return state == State.EXTERNAL || process != null && process.isAlive() && state != State.STOPPED;
    }
}
