package dev.benchpulse.launcher.php;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The packaged builds are Linux x86-64 binaries started through that platform's dynamic loader. */
final class Platform {

    private Platform() {}

    static void check(String loader) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new PhpInstallException("The installable PHP builds are for Linux on x86-64; this is " + os + " on "
                    + arch + ". Use the compose file's PHP containers instead (docs/runner.md), or a PHP of your own "
                    + "as a configured runtime.");
        }
        if (!Files.isExecutable(Path.of(loader))) {
            throw new PhpInstallException("The dynamic loader " + loader + " is missing; the installable PHP builds "
                    + "need a glibc-based Linux (Debian, Ubuntu, Fedora…, not Alpine/musl).");
        }
    }
}
