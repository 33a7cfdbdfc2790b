package dev.benchpulse.launcher.preflight;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhpCheckTests {

    @TempDir
    Path dir;

    @Test
    void without_php_on_the_path_warns_that_runtimes_will_be_unavailable_and_how_to_install_it() {
        assertThat(PhpCheck.warning(dir.toString()))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("No php on PATH", "runtimes will show as unavailable", "apt-get install php-cli"));
    }

    @Test
    void without_php_but_with_installed_versions_only_the_system_runtimes_are_affected() {
        assertThat(PhpCheck.warning(dir.toString(), 2))
                .hasValueSatisfying(warning -> assertThat(warning)
                        .contains("php and php-jit will show as unavailable", "2 PHP version(s) installed")
                        .doesNotContain("no benchmark can run"));
        assertThat(PhpCheck.warning(dir.toString(), 0))
                .hasValueSatisfying(warning -> assertThat(warning).contains("./benchpulse php install"));
    }

    @Test
    void an_executable_php_on_the_path_is_enough() throws Exception {
        Path php = Files.createFile(
                dir.resolve("php"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        assertThat(PhpCheck.warning("/nonexistent:" + php.getParent())).isEmpty();
    }
}
