package dev.benchpulse.launcher.php;

import dev.benchpulse.launcher.config.FileTrees;
import dev.benchpulse.launcher.php.InstallResult.Outcome;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Installs pinned PHP versions under one directory, {@code <root>/<major.minor>/}. Each version is fetched, checked
 * against its pinned sha512, unpacked into a hidden directory beside its final place, given its launcher script,
 * started once to check that it really is the expected PHP, and only then renamed into place: an interrupted install
 * leaves at most a hidden leftover (removed by the next install), never a half-installed version. A version already
 * installed from the same pin is left alone, so the install is idempotent.
 */
public final class PhpInstaller {

    private static final String PARTIAL = ".partial-";
    private static final String OLD = ".old-";

    private final Path root;
    private final PackageFetcher fetcher;
    private final String loader;
    private final Clock clock;
    private final SmokeTest smokeTest;

    PhpInstaller(Path root, PackageFetcher fetcher, String loader, Clock clock, Duration startTimeout) {
        this.root = root.toAbsolutePath().normalize();
        this.fetcher = fetcher;
        this.loader = loader;
        this.clock = clock;
        this.smokeTest = new SmokeTest(startTimeout);
    }

    /** The installer of this machine: {@code npm pack} ({@code npm} is {@code BENCHPULSE_NPM} or the PATH's). */
    public static PhpInstaller standard(Path root, String npm) {
        return new PhpInstaller(
                root,
                new NpmPack(NpmPack.command(npm), Duration.ofMinutes(10)),
                LauncherScript.LOADER,
                Clock.systemUTC(),
                Duration.ofSeconds(30));
    }

    /** Installs {@code releases} one after the other; stops at the first that fails, keeping those done. */
    public List<InstallResult> install(List<PhpRelease> releases, InstallProgress progress) {
        Platform.check(loader);
        if (root.toString().contains(":")) {
            throw new PhpInstallException("The install directory " + root + " contains ':', which the dynamic "
                    + "loader's library path cannot hold; choose another directory (BENCHPULSE_PHP_DIR).");
        }
        createRoot();
        try (FileChannel channel = FileChannel.open(
                        root.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new PhpInstallException(
                        "Another ./benchpulse php install is running on " + root + "; wait for it to finish.");
            }
            removeLeftovers();
            List<InstallResult> results = new ArrayList<>();
            for (int i = 0; i < releases.size(); i++) {
                progress.begin(releases.get(i), i + 1, releases.size());
                results.add(installOne(releases.get(i), progress));
            }
            return results;
        } catch (IOException e) {
            throw new PhpInstallException("Cannot write to " + root + ": " + e.getMessage(), e);
        }
    }

    private InstallResult installOne(PhpRelease release, InstallProgress progress) throws IOException {
        Instant start = clock.instant();
        Path target = root.resolve(release.series());
        Optional<Manifest> existing = Manifest.read(target);
        if (existing.isPresent()
                && existing.get().matches(release)
                && Files.isExecutable(target.resolve(LauncherScript.PATH))) {
            progress.done("already installed in " + target, Duration.between(start, clock.instant()));
            return new InstallResult(
                    release, Outcome.ALREADY_INSTALLED, target, Duration.between(start, clock.instant()));
        }
        Path work = Files.createTempDirectory(root, "." + release.series() + PARTIAL);
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x")); // others may run it
        try {
            String reported = build(release, work, progress);
            Manifest.of(release, reported, clock.instant()).write(work);
            boolean replaced = moveIntoPlace(work, target);
            Duration took = Duration.between(start, clock.instant());
            progress.done((replaced ? "replaced the older install in " : "installed in ") + target, took);
            return new InstallResult(release, replaced ? Outcome.REPLACED : Outcome.INSTALLED, target, took);
        } catch (IOException | RuntimeException e) {
            progress.failed("failed");
            deleteQuietly(work);
            throw e instanceof IOException io
                    ? new PhpInstallException("Installing PHP " + release.series() + " failed: " + io, io)
                    : (RuntimeException) e;
        }
    }

    /** Fetches, checks, unpacks and tests one release in {@code work}; returns the PHP_VERSION it reported. */
    private String build(PhpRelease release, Path work, InstallProgress progress) throws IOException {
        Path downloads = Files.createDirectory(work.resolve("download"));
        Path tarball = fetchChecked(release, downloads, progress);
        Tarball.unpack(tarball, work, PhpInstaller::wanted, f -> progress.fraction("unpacking", f));
        if (release.borrowed().isPresent()) {
            PhpRelease.Borrowed borrowed = release.borrowed().get();
            Path other = fetchChecked(borrowed.from(), downloads, progress);
            progress.step("adding " + String.join(", ", borrowed.libraries()) + " from "
                    + borrowed.from().spec());
            Tarball.unpack(
                    other,
                    work,
                    name -> borrowed.libraries().stream().anyMatch(l -> name.equals("native/lib/" + l)),
                    f -> {});
        }
        FileTrees.delete(downloads);
        Path launcher = LauncherScript.write(release, work, loader);
        progress.step("testing " + LauncherScript.PATH);
        return smokeTest.check(release, launcher);
    }

    private Path fetchChecked(PhpRelease release, Path downloads, InstallProgress progress) throws IOException {
        progress.step("fetching " + release.spec() + " with npm");
        Path tarball = fetcher.fetch(release, downloads);
        progress.step(
                String.format("checking the sha512 of %s (%.1f MB)", tarball.getFileName(), Files.size(tarball) / 1e6));
        Integrity.check(release, tarball);
        return tarball;
    }

    /** The CLI binary, its extensions and libraries, and the package's licence and readme; not php-fpm, php-cgi. */
    static boolean wanted(String path) {
        return path.equals("native/php/php")
                || path.startsWith("native/php/modules/")
                || path.startsWith("native/lib/")
                || path.equals("package.json")
                || path.equals("README.md")
                || path.startsWith("LICENSE");
    }

    /** Renames {@code work} to {@code target}, moving an existing target aside first; true when one was replaced. */
    private boolean moveIntoPlace(Path work, Path target) throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = root.resolve("." + target.getFileName() + OLD + Long.toHexString(System.nanoTime()));
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        if (old != null) {
            deleteQuietly(old);
        }
        return old != null;
    }

    private void createRoot() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new PhpInstallException(
                    "Cannot create " + root + ": " + e.getMessage()
                            + ". Choose a writable directory with BENCHPULSE_PHP_DIR.",
                    e);
        }
    }

    /** Hidden directories of installs that were interrupted (or replaced) before they could clean up. */
    private void removeLeftovers() throws IOException {
        try (var entries = Files.list(root)) {
            entries.filter(p -> p.getFileName().toString().startsWith("."))
                    .filter(p -> p.getFileName().toString().contains(PARTIAL)
                            || p.getFileName().toString().contains(OLD))
                    .forEach(PhpInstaller::deleteQuietly);
        }
    }

    /** Deletes a directory of this installer's own; one that cannot be deleted now is removed by the next install. */
    private static void deleteQuietly(Path dir) {
        try {
            FileTrees.delete(dir);
        } catch (IOException e) {
            // a hidden leftover; removeLeftovers() tries again next time
        }
    }
}
