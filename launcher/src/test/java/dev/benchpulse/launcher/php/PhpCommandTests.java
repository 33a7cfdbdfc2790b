package dev.benchpulse.launcher.php;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./benchpulse php install} and {@code php list} as a user runs them. */
class PhpCommandTests {

    @TempDir
    Path temp;

    @Test
    void list_shows_every_installable_version_and_none_installed_on_a_fresh_machine() {
        PhpCli result = PhpCli.run("php", "list", "--dir", temp.resolve("php").toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains(
                        "7.4",
                        "7.4.33",
                        "@libphp/amazon-linux-2-v74@0.0.21",
                        "8.5.2",
                        "@libphp/almalinux-9-v85@0.0.3",
                        "not installed",
                        "nothing installed yet");
    }

    @Test
    void list_shows_an_installed_version_with_its_package_and_runtimes() throws IOException {
        Path root = temp.resolve("php");
        PhpRelease pinned = PhpReleases.find("8.4").orElseThrow();
        Files.createDirectories(root.resolve("8.4/bin"));
        Manifest.of(pinned, "8.4.14", Instant.now()).write(root.resolve("8.4"));
        Files.createDirectories(root.resolve(".8.3.partial-1"));

        PhpCli result = PhpCli.run("php", "list", "--dir", root.toString());

        assertThat(result.out())
                .containsPattern("8\\.4\\s+8\\.4\\.14\\s+installed\\s+@libphp/amazon-linux-2023-v84@0\\.0\\.8\\s+"
                        + "php-8\\.4, php-8\\.4-jit")
                .containsPattern("8\\.3\\s+8\\.3\\.8\\s+not installed");
    }

    @Test
    void install_of_an_unknown_version_is_a_usage_error_listing_the_versions() {
        PhpCli result =
                PhpCli.run("php", "install", "9.9", "--dir", temp.resolve("php").toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown PHP version '9.9'", "7.4, 8.0, 8.1, 8.2, 8.3, 8.4, 8.5");
    }

    @Test
    void install_without_npm_fails_with_how_to_install_it() {
        PhpCli result = PhpCli.run(
                "php",
                "install",
                "8.4",
                "--dir",
                temp.resolve("php").toString(),
                "--npm",
                temp.resolve("missing-npm").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("install Node.js with npm");
        assertThat(new Installations(temp.resolve("php")).all()).isEmpty();
    }
}
