package dev.benchpulse.launcher.service;

import dev.benchpulse.launcher.config.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A service's runnable jar, unpacked the way Spring Boot recommends for fast starts
 * ({@code java -Djarmode=tools -jar <app>-exec.jar extract}): an application jar with its libraries beside it, which
 * starts faster than the nested jar and can use a class-data-sharing archive. Unpacked again whenever the jar's
 * bytes change; the archive lives in the unpacked directory, so it goes with the jar it was made for.
 */
final class AppImage {

    private static final String STAMP = ".source";

    private AppImage() {}

    /** The {@code <module>-*-exec.jar} a build left in the module's {@code target}, the newest if several. */
    static Path locate(Path target, String module) throws IOException {
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                var jar = files.filter(p -> p.getFileName().toString().startsWith(module + "-"))
                        .filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
                        .max(Comparator.comparing(AppImage::modified));
                if (jar.isPresent()) {
                    return jar.get();
                }
            }
        }
        throw new IOException(module + "'s runnable jar is missing (" + target + "/" + module
                + "-*-exec.jar): build with ./mvnw -B -ntp -DskipTests package (./benchpulse up does it for you).");
    }

    /**
     * Whether {@code execJar} is unpacked already, from its current bytes. The jar's file state (size, modification
     * and change times) is checked first and its digest only when that state moved, so a start without a rebuild
     * reads no jar; a rebuild that left the same bytes keeps the unpacked jar and has its new state remembered.
     */
    static boolean isUnpacked(Path execJar, Path apps) throws IOException {
        Path dir = directory(execJar, apps);
        if (!Files.exists(appJar(execJar, apps))) {
            return false;
        }
        List<String> stamp = readStamp(dir);
        if (stamp.size() != 2) {
            return false;
        }
        String state = fileState(execJar);
        if (!state.isEmpty() && stamp.get(0).equals(state)) {
            return true;
        }
        if (!stamp.get(1).equals(content(execJar))) {
            return false;
        }
        Files.write(dir.resolve(STAMP), List.of(state, stamp.get(1)));
        return true;
    }

    /** Where the application jar of {@code execJar} is, once unpacked. */
    static Path appJar(Path execJar, Path apps) {
        return directory(execJar, apps).resolve(execJar.getFileName());
    }

    /** The class-data-sharing archive of the unpacked application jar {@code appJar}. */
    static Path classDataArchive(Path appJar, String module) {
        return appJar.resolveSibling(module + ".jsa");
    }

    /** The unpacked application jar for {@code execJar}, unpacking it first when needed. */
    static Path unpacked(Path execJar, Path apps, Path java) throws IOException, InterruptedException {
        Path dir = directory(execJar, apps);
        Path appJar = appJar(execJar, apps);
        if (isUnpacked(execJar, apps)) {
            return appJar;
        }
        String state = fileState(execJar);
        String content = content(execJar);
        FileTrees.delete(dir);
        Files.createDirectories(dir);
        Process extract = new ProcessBuilder(List.of(
                        java.toString(),
                        "-Djarmode=tools",
                        "-jar",
                        execJar.toString(),
                        "extract",
                        "--destination",
                        dir.toString(),
                        "--force"))
                .redirectErrorStream(true)
                .redirectOutput(dir.resolveSibling(dir.getFileName() + ".log").toFile())
                .start();
        if (!extract.waitFor(120, TimeUnit.SECONDS) || extract.exitValue() != 0 || !Files.exists(appJar)) {
            extract.destroyForcibly();
            throw new IOException("Could not unpack " + execJar + " (see " + dir + ".log)");
        }
        Files.write(dir.resolve(STAMP), List.of(state, content));
        return appJar;
    }

    private static Path directory(Path execJar, Path apps) {
        return apps.resolve(execJar.getFileName().toString().replace(".jar", ""));
    }

    /**
     * The jar file's state: any write changes its change time, even when the build fixes its modification time.
     * Empty on a file system without change times: size and modification time alone could miss a same-size rebuild,
     * so there the digest decides every time.
     */
    private static String fileState(Path execJar) throws IOException {
        Object changed;
        try {
            changed = Files.getAttribute(execJar, "unix:ctime");
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return "";
        }
        return execJar + " " + Files.size(execJar) + " " + modified(execJar) + " " + changed;
    }

    /**
     * What the unpacked directory was made from: the jar's path and a digest of its bytes. Not its modification
     * time: builds are reproducible (the root pom's {@code project.build.outputTimestamp}), so every jar carries the
     * same fixed time, and a rebuild without changes leaves the same bytes and keeps what was prepared for them.
     */
    private static String content(Path execJar) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(execJar)) {
            byte[] buffer = new byte[1 << 16];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return execJar + " sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The file state and content the directory was unpacked from; empty when unknown. */
    private static List<String> readStamp(Path dir) {
        try {
            return Files.readAllLines(dir.resolve(STAMP));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
