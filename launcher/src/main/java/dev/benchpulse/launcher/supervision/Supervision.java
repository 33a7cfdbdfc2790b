package dev.benchpulse.launcher.supervision;

import dev.benchpulse.launcher.process.PidFile;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What supervising a component needs from its stack.
 *
 * @param console      where the user is told
 * @param pidFile      the stack's list of processes, for the watchdog
 * @param startTimeout how long a (re)start may take to become healthy
 * @param stopTimeout  how long a stop may take before the process is killed
 * @param stopping     true once the whole stack is stopping: no more restarts
 * @param restarts     the back-off between the restarts of a component that keeps exiting
 */
record Supervision(
        StackConsole console,
        PidFile pidFile,
        Duration startTimeout,
        Duration stopTimeout,
        BooleanSupplier stopping,
        RestartBackOff.Schedule restarts) {}
