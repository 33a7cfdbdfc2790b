package dev.benchpulse.launcher.php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchpulse.launcher.php.InstallResult.Outcome;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs packages built from this machine's PHP through the real dynamic loader, launcher script and smoke test;
 * only the fetching is replaced (no network).
 */
class PhpInstallerIntegrationTests {

    @TempDir
    Path temp;

    Path root;
    Path tarballs;
    final Map<String, Path> served = new HashMap<>();
    final List<String> fetched = new ArrayList<>();
    final StringWriter output = new StringWriter();

    @BeforeEach
    void setUp() throws IOException {
        root = temp.resolve("php");
        tarballs = Files.createDirectory(temp.resolve("tarballs"));
    }

    @Test
    void installs_a_version_with_a_launcher_that_runs_it_and_a_manifest() throws Exception {
        PhpRelease release = serve("8.2", FakePhpPackage.working());

        List<InstallResult> results = installer().install(List.of(release), progress());

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.INSTALLED);
            assertThat(r.dir()).isEqualTo(root.resolve("8.2"));
        });
        assertThat(
                        run(
                                root.resolve("8.2/bin/php"),
                                "echo PHP_VERSION, ' ', extension_loaded('ctype') ? 'ctype' : '-',"
                                        + " ' ', extension_loaded('mbstring') ? 'mbstring' : '-', ' ', php_ini_loaded_file() ?: 'no-ini';"))
                .isEqualTo(FakePhpPackage.LOCAL_VERSION + " ctype mbstring no-ini");
        assertThat(new Installations(root).find("8.2")).hasValueSatisfying(i -> {
            assertThat(i.manifest().phpVersion()).isEqualTo(FakePhpPackage.LOCAL_VERSION);
            assertThat(i.manifest().npmPackage()).isEqualTo("@test/php-8.2@1.0.0");
            assertThat(i.manifest().integrity()).isEqualTo(release.integrity());
        });
        assertThat(root.resolve("8.2/native/php/php-fpm"))
                .as("only the CLI is installed")
                .doesNotExist();
        assertThat(root.resolve("8.2/download")).as("the tarball is not kept").doesNotExist();
        assertThat(hiddenEntries()).isEmpty();
        assertThat(output.toString()).contains("fetching @test/php-8.2@1.0.0", "checking the sha512", "installed in");
    }

    @Test
    void a_second_install_of_the_same_pin_changes_nothing() throws Exception {
        PhpRelease release = serve("8.2", FakePhpPackage.working());
        installer().install(List.of(release), progress());
        Path manifest = root.resolve("8.2").resolve(Manifest.FILE);
        String before = Files.readString(manifest);

        List<InstallResult> again = installer().install(List.of(release), progress());

        assertThat(again).singleElement().extracting(InstallResult::outcome).isEqualTo(Outcome.ALREADY_INSTALLED);
        assertThat(Files.readString(manifest)).isEqualTo(before);
        assertThat(fetched).as("fetched only once").containsExactly("8.2");
    }

    @Test
    void a_tarball_that_does_not_match_its_pinned_sha512_installs_nothing() throws Exception {
        PhpRelease pinned = serve("8.2", FakePhpPackage.working());
        FakePhpPackage.working()
                .file("package/README.md", "changed".getBytes(StandardCharsets.UTF_8), 0644)
                .write(served.get("8.2")); // the registry now serves other bytes under the same name

        assertThatThrownBy(() -> installer().install(List.of(pinned), progress()))
                .isInstanceOf(PhpInstallException.class)
                .hasMessageContaining("does not match its pinned sha512")
                .hasMessageContaining("Nothing was installed");
        assertThat(new Installations(root).all()).isEmpty();
        assertThat(root.resolve("8.2")).doesNotExist();
        assertThat(hiddenEntries()).isEmpty();
    }

    @Test
    void a_build_that_does_not_start_installs_nothing() throws Exception {
        PhpRelease release = serve(
                "8.3",
                FakePhpPackage.working()
                        .file("package/native/php/php", "not a program".getBytes(StandardCharsets.UTF_8), 0755));

        assertThatThrownBy(() -> installer().install(List.of(release), progress()))
                .isInstanceOf(PhpInstallException.class)
                .hasMessageContaining("does not run correctly on this machine")
                .hasMessageContaining("Nothing was installed for 8.3");
        assertThat(root.resolve("8.3")).doesNotExist();
        assertThat(hiddenEntries()).isEmpty();
    }

    @Test
    void an_interrupted_install_leaves_no_version_behind_and_the_next_install_clears_it() throws Exception {
        PhpRelease release = serve("8.2", FakePhpPackage.working());
        Path truncated = tarballs.resolve("truncated.tgz");
        byte[] whole = Files.readAllBytes(served.get("8.2"));
        Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length / 2));
        // what a killed install leaves: a hidden half-unpacked directory
        Path leftover = Files.createDirectories(root.resolve(".8.2.partial-123/native/php"));
        Files.writeString(leftover.resolve("php"), "half");

        assertThat(new Installations(root).all())
                .as("a leftover is not an installation")
                .isEmpty();
        PhpRelease broken = new PhpRelease(
                "8.2",
                release.phpVersion(),
                release.npmPackage(),
                release.npmVersion(),
                Integrity.of(truncated),
                release.extensions(),
                true,
                Optional.empty());
        served.put("8.2", truncated);
        assertThatThrownBy(() -> installer().install(List.of(broken), progress()))
                .isInstanceOf(RuntimeException.class);
        assertThat(root.resolve("8.2")).doesNotExist();
        assertThat(hiddenEntries())
                .as("the old leftover and the failed attempt are both gone")
                .isEmpty();

        served.put("8.2", tarballs.resolve("8.2.tgz"));
        assertThat(installer().install(List.of(release), progress()))
                .singleElement()
                .extracting(InstallResult::outcome)
                .isEqualTo(Outcome.INSTALLED);
    }

    @Test
    void an_install_from_an_older_pin_is_replaced_in_one_step() throws Exception {
        PhpRelease old = serve("8.2", FakePhpPackage.working());
        installer().install(List.of(old), progress());
        PhpRelease newer = serve(
                "8.2",
                FakePhpPackage.working().file("package/README.md", "rebuilt".getBytes(StandardCharsets.UTF_8), 0644));

        assertThat(installer().install(List.of(newer), progress()))
                .singleElement()
                .extracting(InstallResult::outcome)
                .isEqualTo(Outcome.REPLACED);
        assertThat(new Installations(root).find("8.2"))
                .hasValueSatisfying(i -> assertThat(i.manifest().integrity()).isEqualTo(newer.integrity()));
        assertThat(root.resolve("8.2/README.md")).hasContent("rebuilt");
        assertThat(hiddenEntries()).isEmpty();
    }

    @Test
    void libraries_missing_from_a_package_are_taken_from_the_pinned_package_that_has_them() throws Exception {
        PhpRelease donor = serve(
                "8.1",
                FakePhpPackage.working()
                        .file("package/native/lib/libssl.so.10", "ssl".getBytes(StandardCharsets.UTF_8), 0755)
                        .file("package/native/lib/libcrypto.so.10", "crypto".getBytes(StandardCharsets.UTF_8), 0755));
        PhpRelease needy = serve(
                "8.0",
                FakePhpPackage.working(),
                Optional.of(new PhpRelease.Borrowed(donor, List.of("libssl.so.10", "libcrypto.so.10"))));

        installer().install(List.of(needy), progress());

        assertThat(root.resolve("8.0/native/lib/libssl.so.10")).hasContent("ssl");
        assertThat(root.resolve("8.0/native/lib/libcrypto.so.10")).hasContent("crypto");
        assertThat(root.resolve("8.1")).as("the donor itself is not installed").doesNotExist();
    }

    @Test
    void several_versions_install_in_order_and_a_failure_keeps_those_done() throws Exception {
        PhpRelease first = serve("8.1", FakePhpPackage.working());
        PhpRelease failing = serve("8.2", FakePhpPackage.working().without("package/native/php/php"));

        assertThatThrownBy(() -> installer().install(List.of(first, failing), progress()))
                .isInstanceOf(PhpInstallException.class);
        assertThat(new Installations(root).all())
                .extracting(i -> i.manifest().series())
                .containsExactly("8.1");
        assertThat(output.toString()).contains("[1/2]", "[2/2]");
    }

    private PhpRelease serve(String series, FakePhpPackage fake) throws IOException {
        return serve(series, fake, Optional.empty());
    }

    private PhpRelease serve(String series, FakePhpPackage fake, Optional<PhpRelease.Borrowed> borrowed)
            throws IOException {
        Path tarball = fake.write(tarballs.resolve(series + ".tgz"));
        served.put(series, tarball);
        return FakePhpPackage.release(series, tarball, borrowed);
    }

    private PhpInstaller installer() {
        PackageFetcher fetcher = (release, directory) -> {
            fetched.add(release.series());
            try {
                return Files.copy(
                        served.get(release.series()),
                        directory.resolve(release.series() + ".tgz"),
                        StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new PhpInstallException("copy failed", e);
            }
        };
        return new PhpInstaller(root, fetcher, LauncherScript.LOADER, Clock.systemUTC(), Duration.ofSeconds(30));
    }

    private InstallProgress progress() {
        return new InstallProgress(new PrintWriter(output, true), false);
    }

    private List<Path> hiddenEntries() throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(p -> p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().equals(".install.lock"))
                    .toList();
        }
    }

    static String run(Path launcher, String code) throws Exception {
        Process process = new ProcessBuilder(launcher.toString(), "-r", code)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }
}
