package dev.benchpulse.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's headless Chromium and its ChromeDriver, the only browser the tests use (nothing downloads one). Paths
 * can be overridden with {@code $CHROMIUM_BIN} and {@code $CHROMEDRIVER_BIN}.
 */
public final class Chromium {

    /** Flags that keep Chromium quiet and working as root on a closed network. */
    public static final List<String> HEADLESS_FLAGS = List.of(
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage");

    private Chromium() {}

    public static Path binary() {
        return locate("CHROMIUM_BIN", "/usr/bin/chromium", "chromium");
    }

    public static Path driver() {
        return locate("CHROMEDRIVER_BIN", "/usr/bin/chromedriver", "chromium-driver");
    }

    private static Path locate(String variable, String fallback, String debianPackage) {
        String configured = System.getenv(variable);
        Path path = Path.of(configured == null || configured.isBlank() ? fallback : configured);
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " not found: install it (apt-get install chromium chromium-driver)"
                    + " or set " + variable + "; package " + debianPackage);
        }
        return path;
    }
}
