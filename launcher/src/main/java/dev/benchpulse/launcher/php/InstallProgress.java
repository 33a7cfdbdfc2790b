package dev.benchpulse.launcher.php;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * Tells the user what the install is doing, one version at a time. On a terminal the current step is redrawn in
 * place with the unpacking percentage; elsewhere (CI logs) each step is one line.
 */
public final class InstallProgress {

    private final PrintWriter out;
    private final boolean interactive;
    private String prefix = "";
    private int lastPercent = -1;

    public InstallProgress(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    void begin(PhpRelease release, int index, int total) {
        prefix = String.format(Locale.ROOT, "[%d/%d] PHP %-7s ", index, total, release.phpVersion());
        lastPercent = -1;
    }

    void step(String what) {
        lastPercent = -1;
        print(what);
    }

    void fraction(String what, double fraction) {
        int percent = (int) Math.floor(fraction * 100);
        if (percent != lastPercent && (interactive || lastPercent < 0)) {
            print(interactive ? what + " " + percent + " %" : what);
        }
        lastPercent = percent;
    }

    void done(String what, Duration took) {
        String line = prefix + what + String.format(Locale.ROOT, " (%.1f s)", took.toMillis() / 1000.0);
        out.print(interactive ? "\r\033[K" + line + "\n" : line + "\n");
        out.flush();
    }

    void failed(String what) {
        out.print(interactive ? "\r\033[K" + prefix + what + "\n" : prefix + what + "\n");
        out.flush();
    }

    private void print(String what) {
        out.print(interactive ? "\r\033[K" + prefix + what : prefix + what + "\n");
        out.flush();
    }
}
