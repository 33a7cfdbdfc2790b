package dev.benchpulse.launcher.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking a real runnable jar (the hub's, the smallest) with Spring Boot's jar tools, as the stack does. */
class AppImageIntegrationTests {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    @Test
    void a_jar_is_unpacked_again_when_its_bytes_change_and_the_class_data_archive_of_the_old_one_goes_with_it()
            throws Exception {
        // Given a jar unpacked with an archive trained for it
        Path jar = Files.copy(
                built("mercure-hub"),
                Files.createDirectories(dir.resolve("target")).resolve("mercure-hub-1-exec.jar"));
        Path apps = dir.resolve("apps");
        Path appJar = AppImage.unpacked(jar, apps, JAVA);
        Path archive = Files.writeString(AppImage.classDataArchive(appJar, "mercure-hub"), "trained for build 1");
        assertThat(AppImage.isUnpacked(jar, apps)).isTrue();

        // When it is rebuilt with other bytes
        Files.copy(built("notifier-service"), jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.parse("2026-11-27T00:00:00Z")));

        // Then it is unpacked again, without the old archive, ready for a new training run
        assertThat(AppImage.isUnpacked(jar, apps)).isFalse();
        assertThat(AppImage.unpacked(jar, apps, JAVA)).isEqualTo(appJar).isRegularFile();
        assertThat(archive).doesNotExist();
        assertThat(AppImage.isUnpacked(jar, apps)).isTrue();
    }

    @Test
    void a_rebuild_that_leaves_the_same_bytes_keeps_the_unpacked_jar_and_its_archive() throws Exception {
        // Given a jar unpacked with an archive trained for it
        Path jar = Files.copy(
                built("mercure-hub"),
                Files.createDirectories(dir.resolve("target")).resolve("mercure-hub-1-exec.jar"));
        Path apps = dir.resolve("apps");
        Path archive = Files.writeString(
                AppImage.classDataArchive(AppImage.unpacked(jar, apps, JAVA), "mercure-hub"), "trained for build 1");

        // When the build writes the same bytes again, at another time
        Files.copy(built("mercure-hub"), jar, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));

        // Then nothing is prepared again
        assertThat(AppImage.isUnpacked(jar, apps)).isTrue();
        assertThat(archive).hasContent("trained for build 1");
    }

    private static Path built(String module) throws Exception {
        return AppImage.locate(REPO.resolve(module + "/target"), module);
    }
}
