package dev.benchpulse.launcher.status;

import dev.benchpulse.launcher.supervision.ComponentStatus;
import java.io.PrintWriter;
import java.util.List;

/** The components as a table for people: one line each, durations as {@code 3d 4h}, {@code 12m 5s}. */
final class StatusTable {

    private static final String FORMAT = "%-18s %-11s %8s %-10s %10s %9s  %s%n";

    private StatusTable() {}

    static void print(List<ComponentStatus> components, PrintWriter out) {
        out.printf(FORMAT, "COMPONENT", "STATE", "PID", "HEALTH", "UPTIME", "RESTARTS", "ADDRESS");
        for (ComponentStatus c : components) {
            out.printf(
                    FORMAT,
                    c.name(),
                    c.state(),
                    c.pid() == null ? "-" : c.pid(),
                    health(c.healthy()),
                    c.uptimeSeconds() == null ? "-" : duration(c.uptimeSeconds()),
                    restarts(c),
                    c.address());
        }
    }

    private static String health(Boolean healthy) {
        return healthy == null ? "-" : healthy ? "healthy" : "unhealthy";
    }

    private static String restarts(ComponentStatus c) {
        return c.lastExitCode() == null ? String.valueOf(c.restarts()) : c.restarts() + " (" + c.lastExitCode() + ")";
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m " + seconds % 60 + "s";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
        }
        return seconds / 86_400 + "d " + seconds % 86_400 / 3600 + "h";
    }
}
