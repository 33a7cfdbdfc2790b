package dev.benchpulse.launcher.supervision;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What {@code ./benchpulse up} tells its user, one line per event. */
public final class StackConsole {

    private final PrintWriter out;
    private final Path logs;

    public StackConsole(PrintWriter out, Path logs) {
        this.out = out;
        this.logs = logs;
    }

    public synchronized void line(String text) {
        out.println(text);
        out.flush();
    }

    void preparing(List<Component> components) {
        line("Preparing " + names(components) + " (once after a build: unpacking jars, class-data-sharing training "
                + "runs) ...");
    }

    void prepared(Component component, Duration took) {
        line("  %-18s %-46s prepared in %s".formatted(component.name(), "", seconds(took)));
    }

    void prepared(Duration took) {
        line("Prepared in " + seconds(took) + ".");
    }

    void starting(List<Component> stage) {
        line("Starting " + names(stage) + " ...");
    }

    void ready(Component component, Duration took) {
        line("  %-18s %-46s ready in %s".formatted(component.name(), component.address(), seconds(took)));
    }

    public void failed(ComponentFailure failure) {
        line("FAILED " + failure.component() + ": " + failure.getMessage());
        tail(failure.component(), failure.logTail());
    }

    void died(String component, int exitCode, List<String> tail, Duration delay, int restart) {
        line("");
        line(component + " exited unexpectedly (exit code " + exitCode + "); the rest of the stack keeps running.");
        tail(component, tail);
        line("Restarting " + component + " in " + seconds(delay) + " (restart " + restart + ").");
    }

    void restarted(String component, Duration took, int restart, long pid) {
        line(component + " is back (pid " + pid + ", restart " + restart + "): ready in " + seconds(took) + ".");
    }

    void restartFailed(String component, String why, Duration delay) {
        line(component + " did not come back: " + why + ". Trying again in " + seconds(delay) + ".");
    }

    public void up(Duration took, String dashboard) {
        line("Benchpulse is up in " + seconds(took) + ". Dashboard: " + dashboard);
        line("Logs in " + logs + ". Press Ctrl-C to stop.");
    }

    void stopping(List<String> names) {
        line("Stopping " + String.join(", ", names) + " ...");
    }

    void stopped(String component, Duration took, boolean clean) {
        line(
                clean
                        ? "  stopped %s (%s)".formatted(component, seconds(took))
                        : "  killed %s: it did not stop in time".formatted(component));
    }

    private void tail(String component, List<String> tail) {
        if (tail.isEmpty()) {
            line("  (its log " + logs.resolve(component + ".log") + " is empty)");
            return;
        }
        line("  last lines of " + logs.resolve(component + ".log") + ":");
        tail.forEach(l -> line("    | " + l));
    }

    private static String names(List<Component> stage) {
        return String.join(", ", stage.stream().map(Component::name).toList());
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
