package dev.benchpulse.runner.run;

import org.springframework.context.SmartLifecycle;

/**
 * On shutdown, before the run-request consumers stop, abandons the runs in progress: their PHP processes are
 * killed (none is left running after the runner) and their requests stay unacknowledged, so another runner runs
 * them again as a new attempt.
 */
class WorkerShutdown implements SmartLifecycle {

    private final CancelledRuns cancelledRuns;
    private volatile boolean running;

    WorkerShutdown(CancelledRuns cancelledRuns) {
        this.cancelledRuns = cancelledRuns;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        cancelledRuns.abandonAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Highest phase: stopped first, before the listener containers wait for their listeners to return. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
