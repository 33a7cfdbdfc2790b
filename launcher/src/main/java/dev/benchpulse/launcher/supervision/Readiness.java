package dev.benchpulse.launcher.supervision;

import dev.benchpulse.launcher.process.ComponentProcess;
import dev.benchpulse.launcher.process.LogTail;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Waits for one component to become healthy (when the stack starts, or when the supervisor restarts it), and gives
 * up early and clearly when its process dies, the deadline passes, or waiting became pointless.
 */
public final class Readiness {

    static final int TAIL_LINES = 25;
    private static final long POLL_MILLIS = 200;

    private final String component;
    private final Optional<ComponentProcess> process;
    private final long deadlineNanos;
    private final Duration timeout;
    private final BooleanSupplier givingUp;

    /** @param givingUp true once waiting is pointless: another component failed, or the stack is stopping */
    Readiness(String component, Optional<ComponentProcess> process, Duration timeout, BooleanSupplier givingUp) {
        this.component = component;
        this.process = process;
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.givingUp = givingUp;
    }

    /** Something that is true once the component is ready; an exception counts as not ready yet. */
    @FunctionalInterface
    public interface Check {
        boolean ready() throws Exception;
    }

    /** Polls {@code check} until it holds; {@code what} names the awaited state in the failure message. */
    public void await(String what, Check check) throws ComponentFailure, InterruptedException {
        Exception last = null;
        while (true) {
            failIfDead();
            try {
                if (check.ready()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() > deadlineNanos) {
                String reason = last == null ? "" : " (last error: " + last.getMessage() + ")";
                throw failure("was not " + what + " within " + timeout.toSeconds() + " s" + reason);
            }
            if (givingUp.getAsBoolean()) {
                throw new InterruptedException("stopping");
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** A failure of this component with the tail of its log. */
    public ComponentFailure failure(String message) {
        List<String> tail = process.map(p -> LogTail.of(p.log(), TAIL_LINES)).orElse(List.of());
        return new ComponentFailure(component, message, tail);
    }

    private void failIfDead() throws ComponentFailure {
        if (process.isPresent() && !process.get().isAlive()) {
            throw failure("exited with code " + process.get().exitCode() + " while starting");
        }
    }
}
