package dev.benchpulse.launcher.php;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The versions installed under one directory: every {@code <major.minor>} directory with a manifest (hidden
 * leftovers of interrupted installs and anything else are not installations).
 */
public final class Installations {

    private final Path root;

    public Installations(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /**
     * One installed version.
     *
     * @param dir      its directory
     * @param manifest what it is and where it came from
     * @param current  whether it is exactly the release pinned now (false: installed from an older pin)
     */
    public record Installed(Path dir, Manifest manifest, boolean current) {

        public Path launcher() {
            return dir.resolve(LauncherScript.PATH);
        }
    }

    /** Every installed version, oldest first. */
    public List<Installed> all() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().matches("\\d+\\.\\d+"))
                    .flatMap(dir -> Manifest.read(dir).map(m -> new Installed(dir, m, isCurrent(m))).stream())
                    .sorted((a, b) ->
                            compareSeries(a.manifest().series(), b.manifest().series()))
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    public Optional<Installed> find(String series) {
        return all().stream().filter(i -> i.manifest().series().equals(series)).findFirst();
    }

    private static boolean isCurrent(Manifest manifest) {
        return PhpReleases.find(manifest.series()).map(manifest::matches).orElse(false);
    }

    static int compareSeries(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
