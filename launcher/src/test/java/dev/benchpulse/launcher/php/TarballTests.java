package dev.benchpulse.launcher.php;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarballTests {

    @TempDir
    Path temp;

    @Test
    void unpacks_the_selected_files_without_the_package_prefix_keeping_executable_bits() throws IOException {
        Path tarball = FakePhpPackage.working().write(temp.resolve("p.tgz"));
        Path target = Files.createDirectory(temp.resolve("out"));
        List<Double> progress = new ArrayList<>();

        int files = Tarball.unpack(tarball, target, PhpInstaller::wanted, progress::add);

        assertThat(files).isEqualTo(6); // package.json, php, three extensions, one library; not php-fpm
        assertThat(target.resolve("native/php/php")).isExecutable();
        assertThat(target.resolve("native/php/php-fpm")).doesNotExist();
        assertThat(progress).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void an_entry_escaping_the_target_is_refused() throws IOException {
        Path tarball = tar(temp.resolve("evil.tgz"), new TarArchiveEntry("package/../../evil"));
        Path target = Files.createDirectory(temp.resolve("out"));

        assertThatThrownBy(() -> Tarball.unpack(tarball, target, name -> true, f -> {}))
                .isInstanceOf(PhpInstallException.class)
                .hasMessageContaining("outside the install directory");
        assertThat(temp.resolve("evil")).doesNotExist();
    }

    @Test
    void a_link_is_refused() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("package/native/lib/libc.so.6", TarArchiveEntry.LF_SYMLINK);
        link.setLinkName("/etc/passwd");
        Path tarball = tar(temp.resolve("link.tgz"), link);

        assertThatThrownBy(() ->
                        Tarball.unpack(tarball, Files.createDirectory(temp.resolve("out")), name -> true, f -> {}))
                .isInstanceOf(PhpInstallException.class)
                .hasMessageContaining("not links");
    }

    private static Path tar(Path file, TarArchiveEntry entry) throws IOException {
        byte[] content = "x".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(out))) {
            if (entry.isFile()) {
                entry.setSize(content.length);
            }
            tar.putArchiveEntry(entry);
            if (entry.isFile()) {
                tar.write(content);
            }
            tar.closeArchiveEntry();
        }
        return file;
    }
}
