package dev.benchpulse.launcher.supervision;

/**
 * One component as {@code ./benchpulse status} shows it.
 *
 * @param name          the component
 * @param state         {@code starting}, {@code running}, {@code restarting}, {@code waiting} (to restart, after a
 *                      back-off), {@code stopped} (on request) or {@code external} (runs elsewhere)
 * @param pid           its process, or null when none runs
 * @param healthy       whether it answers its health check now; null when there is nothing to check
 * @param uptimeSeconds seconds since its process started, or null
 * @param restarts      how many times it was started again since the stack started
 * @param lastExitCode  exit code of its last process that ended, or null
 * @param address       where to reach it
 */
public record ComponentStatus(
        String name,
        String state,
        Long pid,
        Boolean healthy,
        Long uptimeSeconds,
        int restarts,
        Integer lastExitCode,
        String address) {}
