package dev.benchpulse.runner.run;

import dev.benchpulse.support.problem.ApiProblem;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;

/**
 * The worker limit of this runner instance: how many PHP workloads (runs and calibrations together) execute at once.
 * A run waits for a slot on its worker thread; a calibration waits in the same fair queue, but only so long and
 * only behind so many other calibrations, and is otherwise answered 503: PHP never runs on a request thread beyond
 * the limit.
 */
public final class WorkerSlots {

    private final Semaphore slots;
    private final int maxWaitingCalibrations;
    private final Duration calibrationWait;
    private final AtomicInteger waitingCalibrations = new AtomicInteger();

    WorkerSlots(int slots, int maxWaitingCalibrations, Duration calibrationWait) {
        this.slots = new Semaphore(slots, true);
        this.maxWaitingCalibrations = maxWaitingCalibrations;
        this.calibrationWait = calibrationWait;
    }

    /**
     * Waits for a slot for a run, as long as it takes; {@code stillWanted} is asked once a second meanwhile (and
     * learns so that the run is waiting, not hung). Empty when the run was not wanted any more (shutting down, or
     * given up) or the thread was interrupted before it got a slot.
     */
    Optional<RunSlot> forRun(BooleanSupplier stillWanted) {
        try {
            while (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
                if (!stillWanted.getAsBoolean()) {
                    return Optional.empty();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        return Optional.of(new RunSlot());
    }

    /**
     * A run's hold on a slot, released once by whoever comes first: the run when it ends, or the attempt watch when
     * it gives a hung run up (whose thread may never return).
     */
    final class RunSlot implements AutoCloseable {

        private final AtomicBoolean held = new AtomicBoolean(true);

        @Override
        public void close() {
            if (held.compareAndSet(true, false)) {
                slots.release();
            }
        }
    }

    /** Runs one calibration in a slot, or throws {@link Busy} when none frees up soon enough. */
    public <T> T forCalibration(Supplier<T> calibration) {
        if (waitingCalibrations.incrementAndGet() > maxWaitingCalibrations) {
            waitingCalibrations.decrementAndGet();
            throw new Busy(maxWaitingCalibrations + " calibrations are already waiting for a worker");
        }
        boolean acquired;
        try {
            acquired = slots.tryAcquire(calibrationWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        } finally {
            waitingCalibrations.decrementAndGet();
        }
        if (!acquired) {
            throw new Busy("every worker stayed busy for " + calibrationWait.toSeconds() + " s");
        }
        try {
            return calibration.get();
        } finally {
            slots.release();
        }
    }

    /** Slots free now. */
    public int available() {
        return slots.availablePermits();
    }

    /** No worker is free for a calibration: 503 with {@code Retry-After}. */
    public static final class Busy extends ApiProblem {

        Busy(String why) {
            super(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Workers busy",
                    "Calibrations run on the same workers as runs, and " + why
                            + ". Try again later, or start fewer runs at once.");
            retryAfter(Duration.ofSeconds(30));
        }
    }
}
