package dev.benchpulse.launcher.php;

import dev.benchpulse.cli.api.CliException;
import dev.benchpulse.cli.output.Terminal;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./benchpulse php install [VERSION...]}: fetches, checks and installs pinned PHP builds. */
@Command(
        name = "install",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Installs PHP versions (all when none is named) from pinned native builds on the npm registry, "
                    + "each checked against its pinned sha512, under .benchpulse/php/<version>/. Versions already "
                    + "installed are left alone; an interrupted install leaves nothing half-installed.",
            "A running stack offers the new versions as runtimes (php-<version>, and php-<version>-jit from 8.0) "
                    + "within seconds. Needs npm, Linux on x86-64, and about 100 MB per version."
        },
        footer = {"", "Environment: BENCHPULSE_PHP_DIR (install directory), BENCHPULSE_NPM (the npm executable)."})
public final class PhpInstallCommand implements Callable<Integer> {

    /** The install failed: the registry, npm, the download or the build itself. */
    static final int FAILED = 1;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "VERSION",
            arity = "0..*",
            description = "Versions to install: 7.4, 8.0, 8.1, 8.2, 8.3, 8.4, 8.5 (default: all).")
    List<String> versions = new ArrayList<>();

    @Mixin
    PhpLocation location;

    @Option(
            names = "--npm",
            paramLabel = "<command>",
            defaultValue = "${env:BENCHPULSE_NPM:-npm}",
            description = "The npm executable (default: npm on the PATH).")
    String npm;

    @Override
    public Integer call() {
        List<PhpRelease> releases = selected();
        PrintWriter out = spec.commandLine().getOut();
        out.println("Installing PHP "
                + String.join(", ", releases.stream().map(PhpRelease::series).toList()) + " into " + location.root());
        try {
            List<InstallResult> results = PhpInstaller.standard(location.root(), npm)
                    .install(releases, new InstallProgress(out, Terminal.interactive()));
            out.println(summary(results));
            return 0;
        } catch (PhpInstallException e) {
            throw new CliException(e.getMessage(), FAILED);
        }
    }

    private List<PhpRelease> selected() {
        if (versions.isEmpty()) {
            return PhpReleases.all();
        }
        Set<PhpRelease> chosen = new LinkedHashSet<>();
        for (String version : versions) {
            String series = version.startsWith("php-") ? version.substring(4) : version;
            chosen.add(PhpReleases.find(series)
                    .orElseThrow(() -> new CliException(
                            "Unknown PHP version '" + version + "': installable versions are "
                                    + PhpReleases.seriesList() + ".",
                            CliException.USAGE)));
        }
        return List.copyOf(chosen);
    }

    private static String summary(List<InstallResult> results) {
        List<String> ids = results.stream()
                .flatMap(r -> PhpReleases.runtimeIds(r.release().series()).stream())
                .toList();
        return "Runtimes " + String.join(", ", ids) + " are ready: a running stack offers them within seconds "
                + "(./benchpulse runtimes); otherwise start one with ./benchpulse up.";
    }
}
