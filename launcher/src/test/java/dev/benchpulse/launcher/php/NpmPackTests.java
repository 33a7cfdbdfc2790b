package dev.benchpulse.launcher.php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code npm pack} driven through scripts that answer the way npm does, including its JSON errors. */
class NpmPackTests {

    static final PhpRelease RELEASE = new PhpRelease(
            "8.4", "8.4.14", "@libphp/amazon-linux-2023-v84", "0.0.8", "sha512-x", List.of(), true, Optional.empty());

    @TempDir
    Path temp;

    @Test
    void fetches_the_pinned_spec_into_the_directory_and_returns_the_tarball() throws IOException {
        Path npm = script("""
                #!/bin/sh
                echo "$@" > "$4/args"
                echo tarball > "$4/libphp-amazon-linux-2023-v84-0.0.8.tgz"
                echo '[{"id":"@libphp/amazon-linux-2023-v84@0.0.8","filename":"libphp-amazon-linux-2023-v84-0.0.8.tgz"}]'
                """);
        Path directory = Files.createDirectory(temp.resolve("download"));

        Path tarball = new NpmPack(npm.toString(), Duration.ofSeconds(30)).fetch(RELEASE, directory);

        assertThat(tarball)
                .isEqualTo(directory.resolve("libphp-amazon-linux-2023-v84-0.0.8.tgz"))
                .hasContent("tarball");
        assertThat(directory.resolve("args"))
                .content()
                .startsWith("pack @libphp/amazon-linux-2023-v84@0.0.8 --pack-destination " + directory + " --json");
    }

    @Test
    void a_missing_npm_says_how_to_install_it() {
        assertThatThrownBy(() -> new NpmPack(temp.resolve("no-such-npm").toString(), Duration.ofSeconds(30))
                        .fetch(RELEASE, temp))
                .isInstanceOf(PhpInstallException.class)
                .hasMessageContaining("Cannot run")
                .hasMessageContaining("install Node.js with npm")
                .hasMessageContaining("BENCHPULSE_NPM");
    }

    @Test
    void an_unreachable_registry_is_named_with_npm_settings_to_check() throws IOException {
        Path npm = script("""
                #!/bin/sh
                echo 'npm error code ECONNREFUSED' >&2
                cat <<'JSON'
                {"error":{"code":"ECONNREFUSED","summary":"FetchError: request to https://registry.npmjs.org/@libphp%2famazon-linux-2023-v84 failed, reason: connect ECONNREFUSED 127.0.0.1:443","detail":"proxy"}}
                JSON
                exit 1
                """);

        assertThatThrownBy(() -> new NpmPack(npm.toString(), Duration.ofSeconds(30)).fetch(RELEASE, temp))
                .isInstanceOf(PhpInstallException.class)
                .hasMessageStartingWith("Cannot reach the npm registry to fetch @libphp/amazon-linux-2023-v84@0.0.8")
                .hasMessageContaining("connect ECONNREFUSED")
                .hasMessageContaining("npm config get registry");
    }

    @Test
    void a_version_the_registry_no_longer_serves_is_reported_as_such() throws IOException {
        Path npm = script("""
                #!/bin/sh
                echo '{"error":{"code":"ETARGET","summary":"No matching version found for @libphp/amazon-linux-2023-v84@0.0.8."}}'
                exit 1
                """);

        assertThatThrownBy(() -> new NpmPack(npm.toString(), Duration.ofSeconds(30)).fetch(RELEASE, temp))
                .hasMessageContaining("The registry no longer serves @libphp/amazon-linux-2023-v84@0.0.8");
    }

    @Test
    void an_npm_that_hangs_is_stopped() throws IOException {
        Path npm = script("""
                #!/bin/sh
                exec sleep 60
                """);

        assertThatThrownBy(() -> new NpmPack(npm.toString(), Duration.ofSeconds(1)).fetch(RELEASE, temp))
                .hasMessageContaining("took longer than");
    }

    private Path script(String content) throws IOException {
        Path script = temp.resolve("npm");
        Files.writeString(script, content);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }
}
