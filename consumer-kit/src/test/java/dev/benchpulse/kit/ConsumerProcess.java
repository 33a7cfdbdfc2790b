package dev.benchpulse.kit;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one of the example consumers as the separate program a team would run, and returns what it printed (also
 * kept in {@code target/consumer-output/<name>.out} and {@code .err}). Each is told how many events to print, so it
 * exits by itself; one that does not within the time allowed is killed and fails the test with its error output.
 */
final class ConsumerProcess {

    private ConsumerProcess() {}

    /** Runs the command in {@code directory} and returns its standard output lines. */
    static List<String> run(String name, List<String> command, Path directory, Duration timeout)
            throws IOException, InterruptedException {
        Path output =
                Files.createDirectories(Path.of("target", "consumer-output").toAbsolutePath());
        Path out = output.resolve(name + ".out");
        Path err = output.resolve(name + ".err");
        Process process = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        String errors = Files.readString(err);
        if (!exited || process.exitValue() != 0) {
            throw new AssertionError("%s %s; standard error:%n%s%nstandard output:%n%s"
                    .formatted(
                            command,
                            exited ? "exited with " + process.exitValue() : "did not finish within " + timeout,
                            errors,
                            Files.readString(out)));
        }
        return Files.readAllLines(out);
    }

    /** An executable of this name on the PATH. */
    static Optional<Path> onPath(String name) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
