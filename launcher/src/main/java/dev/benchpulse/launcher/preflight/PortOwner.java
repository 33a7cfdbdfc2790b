package dev.benchpulse.launcher.preflight;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds which process listens on a TCP port, from Linux's {@code /proc}: the socket inodes in LISTEN state on that
 * port ({@code /proc/net/tcp}, {@code tcp6}), then the process holding one of them among its file descriptors.
 * Only processes the user may inspect are found; empty elsewhere.
 */
final class PortOwner {

    private static final String LISTEN = "0A";

    private PortOwner() {}

    /** "pid 1234 (java -jar app.jar)", when it can be told. */
    static Optional<String> of(int port) {
        Set<String> inodes = listeningInodes(port);
        if (inodes.isEmpty()) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                if (holdsAny(process, inodes)) {
                    long pid = Long.parseLong(process.getFileName().toString());
                    String command = ProcessHandle.of(pid)
                            .flatMap(h -> h.info().commandLine())
                            .orElse("?");
                    return Optional.of("pid " + pid + " (" + abbreviate(command) + ")");
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Set<String> listeningInodes(int port) {
        Set<String> inodes = new HashSet<>();
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table))) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length > 9 && fields[1].endsWith(hexPort) && LISTEN.equals(fields[3])) {
                        inodes.add(fields[9]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or not readable: nothing to tell
            }
        }
        return inodes;
    }

    private static boolean holdsAny(Path process, Set<String> inodes) {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                String target = Files.readSymbolicLink(fd).toString();
                if (target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1))) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private static String abbreviate(String command) {
        return command.length() <= 80 ? command : command.substring(0, 77) + "...";
    }
}
