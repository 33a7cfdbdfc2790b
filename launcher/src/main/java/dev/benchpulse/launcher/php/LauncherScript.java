package dev.benchpulse.launcher.php;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bin/php} script of an installed version. It starts the package's binary through the system's dynamic
 * loader with the package's libraries ({@code LD_LIBRARY_PATH} would leak into every process PHP starts), with no
 * php.ini ({@code -n}: the package's own points elsewhere, and no ini means only settings given on the command line
 * apply) and the same extensions for every version. It finds its directory from its own path, so the directory can
 * be renamed into place after it was written.
 */
final class LauncherScript {

    /** Where the script lives inside an installed version's directory. */
    static final String PATH = "bin/php";
    /** The x86-64 Linux dynamic loader; the builds are for that platform only. */
    static final String LOADER = "/lib64/ld-linux-x86-64.so.2";

    private LauncherScript() {}

    static String render(PhpRelease release, String loader) {
        List<String> loads = new ArrayList<>();
        if (release.opcacheShared()) {
            loads.add("-d zend_extension=opcache");
        }
        release.extensions().forEach(extension -> loads.add("-d extension=" + extension));
        return """
                #!/bin/sh
                # PHP %s from %s, installed by ./benchpulse php install.
                # Runs the package's binary through the system's dynamic loader with the package's libraries, without
                # any php.ini (-n), with the same extensions as every other installed version.
                dir=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd) || exit 127
                exec %s --library-path "$dir/native/lib" "$dir/native/php/php" -n \\
                  -d "extension_dir=$dir/native/php/modules" %s "$@"
                """.formatted(release.phpVersion(), release.spec(), loader, String.join(" ", loads));
    }

    static Path write(PhpRelease release, Path installDir, String loader) throws IOException {
        Path script = installDir.resolve(PATH);
        Files.createDirectories(script.getParent());
        Files.writeString(script, render(release, loader));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
