package dev.benchpulse.launcher.php;

import dev.benchpulse.cli.output.Table;
import dev.benchpulse.launcher.php.Installations.Installed;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./benchpulse php list}: which versions are installed, from which package, and which are not. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        description = "Lists the installable PHP versions: installed or not, the exact PHP version, and the package "
                + "(with its pinned sha512) each came from.")
public final class PhpListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    PhpLocation location;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Installations installations = new Installations(location.root());
        List<Installed> installed = installations.all();
        Table table = Table.text("version", "php", "status", "package", "runtimes");
        for (PhpRelease release : PhpReleases.all()) {
            Optional<Installed> found = installed.stream()
                    .filter(i -> i.manifest().series().equals(release.series()))
                    .findFirst();
            table.row(
                    release.series(),
                    found.map(i -> i.manifest().phpVersion()).orElse(release.phpVersion()),
                    found.map(i -> i.current()
                                    ? "installed"
                                    : "installed from an older pin: php install " + release.series() + " replaces it")
                            .orElse("not installed"),
                    found.map(i -> i.manifest().npmPackage()).orElse(release.spec()),
                    found.isPresent() ? runtimeIds(release.series()) : "-");
        }
        installed.stream()
                .filter(i -> PhpReleases.find(i.manifest().series()).isEmpty())
                .forEach(i -> table.row(
                        i.manifest().series(),
                        i.manifest().phpVersion(),
                        "installed (no longer offered)",
                        i.manifest().npmPackage(),
                        runtimeIds(i.manifest().series())));
        table.lines().forEach(out::println);
        out.println();
        out.println("Directory: " + installations.root()
                + (installed.isEmpty() ? " (nothing installed yet: ./benchpulse php install [version...])" : ""));
        return 0;
    }

    private static String runtimeIds(String series) {
        return String.join(", ", PhpReleases.runtimeIds(series));
    }
}
