package dev.benchpulse.launcher.php;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a freshly unpacked version once, before it is moved into place: a build that does not start on this
 * machine (a missing library, a glibc too old) or that is not the pinned PHP is never installed.
 */
final class SmokeTest {

    private final Duration timeout;

    SmokeTest(Duration timeout) {
        this.timeout = timeout;
    }

    /** Runs {@code launcher} and returns the PHP_VERSION it printed; throws when it is not the release's. */
    String check(PhpRelease release, Path launcher) throws IOException {
        Path output = Files.createTempFile(launcher.getParent(), "smoke-", ".txt");
        try {
            Process process = new ProcessBuilder(List.of(
                            launcher.toString(),
                            "-r",
                            "echo PHP_VERSION, ' ', extension_loaded('Zend OPcache') ? 'opcache' : 'no-opcache';"))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PhpInstallException("PHP " + release.phpVersion() + " did not answer within "
                        + timeout.toSeconds() + " s when tested; nothing was installed.");
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0 || !printed.equals(release.phpVersion() + " opcache")) {
                throw new PhpInstallException("PHP " + release.phpVersion() + " from " + release.spec()
                        + " does not run correctly on this machine (exit " + process.exitValue() + "): "
                        + shorten(printed) + ". Nothing was installed for " + release.series() + ".");
            }
            return release.phpVersion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PhpInstallException("Interrupted while testing PHP " + release.phpVersion());
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.isEmpty() ? "no output" : line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
}
