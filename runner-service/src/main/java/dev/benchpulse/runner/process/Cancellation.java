package dev.benchpulse.runner.process;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A cancellation signal shared by whoever may cancel (a cancel request) and whatever runs (a PHP process): the
 * runner registers how to stop what it runs, and cancelling calls it at once.
 */
public final class Cancellation {

    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** A cancellation nobody triggers. */
    public static Cancellation none() {
        return new Cancellation();
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Cancels; every registered action runs once, on the caller's thread. */
    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            listeners.forEach(Runnable::run);
        }
    }

    /**
     * Runs {@code action} when cancelled (at once if already cancelled). Close the returned registration when the
     * thing it stops has ended.
     */
    public Registration onCancel(Runnable action) {
        listeners.add(action);
        if (cancelled.get()) {
            action.run();
        }
        return () -> listeners.remove(action);
    }

    /** Removes a registered action. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
