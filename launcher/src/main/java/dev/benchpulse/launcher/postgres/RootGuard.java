package dev.benchpulse.launcher.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL refuses to run as root. When the stack runs as root (containers, CI machines), its PostgreSQL commands
 * run under {@code unshare -U}: in a fresh user namespace root appears as an unprivileged user that still owns the
 * data directory, which is what PostgreSQL checks.
 */
final class RootGuard {

    private RootGuard() {}

    /** The prefix for PostgreSQL's commands: empty for a normal user, {@code unshare -U} for root. */
    static List<String> commandPrefix() throws IOException {
        if (!isRoot()) {
            return List.of();
        }
        if (!unshareWorks()) {
            throw new IOException("PostgreSQL does not run as root, and 'unshare -U' (util-linux), which the stack "
                    + "uses to run it as root, is not available. Run ./benchpulse up as a normal user, or use an "
                    + "existing PostgreSQL: BENCHPULSE_DATABASE_URL=postgresql://user:password@host:5432/benchpulse");
        }
        return List.of("unshare", "-U");
    }

    static boolean isRoot() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("Uid:"))
                    .anyMatch(line -> line.split("\\s+")[2].equals("0"));
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static boolean unshareWorks() {
        try {
            Process process = new ProcessBuilder("unshare", "-U", "true")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
