package dev.benchpulse.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.cli.BenchpulseCli;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.launcher.BenchpulseLauncher;
import dev.benchpulse.launcher.config.Ports;
import dev.benchpulse.launcher.process.PidFile;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code ./benchpulse up} started as a real process, the way the script starts it (its main class and runtime
 * class path, on free ports, with a state directory of its own under {@code target/e2e}), with its output kept in a
 * file. Knows its components' processes and checks that none survives the stack.
 */
public final class LaunchedStack implements AutoCloseable {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path REPO = MODULE.getParent();
    static final Path CACHE = MODULE.resolve("target/stack-cache");

    private final String name;
    private final Path stateDir;
    private final Ports ports;
    private final Path output;
    private final Process process;
    private final List<ProcessHandle> seen = new ArrayList<>();

    private LaunchedStack(String name, Path stateDir, Ports ports, Path output, Process process) {
        this.name = name;
        this.stateDir = stateDir;
        this.ports = ports;
        this.output = output;
        this.process = process;
    }

    /**
     * Starts a launcher; {@code arguments} come after {@code up} and the directory and port options. Without
     * class-data sharing unless they say {@code --cds}: a stack started once gains nothing from archives that its
     * JVMs would spend their exit writing.
     */
    public static LaunchedStack start(String name, Path stateDir, Ports ports, String... arguments) {
        return start(name, stateDir, CACHE, ports, arguments);
    }

    /** {@link #start(String, Path, Ports, String...)} with a cache directory of its own. */
    public static LaunchedStack start(String name, Path stateDir, Path cacheDir, Ports ports, String... arguments) {
        return start(name, stateDir, cacheDir, ports, Map.of(), arguments);
    }

    /**
     * {@link #start(String, Path, Ports, String...)} with more environment variables, which the launcher passes on to
     * the components it starts (for example the gateway's secured mode).
     */
    public static LaunchedStack start(
            String name, Path stateDir, Ports ports, Map<String, String> environment, String... arguments) {
        return start(name, stateDir, CACHE, ports, environment, arguments);
    }

    private static LaunchedStack start(
            String name,
            Path stateDir,
            Path cacheDir,
            Ports ports,
            Map<String, String> environment,
            String... arguments) {
        try {
            Files.createDirectories(stateDir);
            Path output = Files.createDirectories(MODULE.resolve("target/e2e")).resolve(name + ".out");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    classPath(),
                    BenchpulseLauncher.class.getName(),
                    "up",
                    "--home",
                    REPO.toString(),
                    "--state-dir",
                    stateDir.toString(),
                    "--cache-dir",
                    cacheDir.toString()));
            command.addAll(portOptions(ports));
            command.addAll(List.of(arguments));
            if (!command.contains("--cds")) {
                command.add("--no-cds");
            }
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(REPO.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new LaunchedStack(name, stateDir, ports, output, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh state directory for a test stack. */
    public static Path freshStateDir(String name) {
        Path dir = MODULE.resolve("target/e2e").resolve(name);
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** Waits until the launcher says the stack is up; fails with its output when it exits or takes too long. */
    public LaunchedStack awaitUp(Duration timeout) {
        await().atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> output().contains("Benchpulse is up in") || !process.isAlive());
        assertThat(output())
                .as("launcher output (exit %s)", process.isAlive() ? "-" : process.exitValue())
                .contains("Benchpulse is up in");
        List<ProcessHandle> components = processes().values().stream()
                .map(ProcessHandle::of)
                .flatMap(Optional::stream)
                .toList();
        seen.addAll(components);
        components.forEach(p -> seen.addAll(p.descendants().toList()));
        return this;
    }

    /** The pids of the component processes, by component name, as the stack's pid file lists them. */
    public Map<String, Long> processes() {
        try {
            return PidFile.read(stateDir.resolve("stack.pids")).stream()
                    .collect(Collectors.toMap(PidFile.Entry::name, PidFile.Entry::pid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ProcessHandle launcher() {
        return process.toHandle();
    }

    public String output() {
        try {
            return Files.exists(output) ? Files.readString(output) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> outputLines() {
        return output().lines().toList();
    }

    public Ports ports() {
        return ports;
    }

    public Path stateDir() {
        return stateDir;
    }

    public String name() {
        return name;
    }

    /** Waits for the launcher to exit (on its own) and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        assertThat(process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS))
                .as("launcher exited")
                .isTrue();
        return process.exitValue();
    }

    /** SIGTERM, as Ctrl-C or a service manager would; waits for the launcher to finish stopping everything. */
    public int stop() throws InterruptedException {
        process.destroy();
        return awaitExit(Duration.ofMinutes(4));
    }

    /** Asserts that no process of this stack is alive: none it started, none naming its state directory. */
    public void assertNoProcessLeft(Duration within) {
        await().atMost(within).untilAsserted(() -> {
            assertThat(seen).as("processes of the stack").noneMatch(ProcessHandle::isAlive);
            assertThat(ProcessHandle.allProcesses()
                            .filter(p -> p.info().commandLine().orElse("").contains(stateDir.toString())))
                    .as("processes naming " + stateDir)
                    .isEmpty();
        });
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
        assertNoProcessLeft(Duration.ofSeconds(30));
    }

    private static List<String> portOptions(Ports ports) {
        Map<String, Integer> options = Map.of(
                "--gateway-port",
                ports.gateway(),
                "--runner-port",
                ports.runner(),
                "--results-port",
                ports.results(),
                "--notifier-port",
                ports.notifier(),
                "--hub-port",
                ports.hub(),
                "--kafka-port",
                ports.kafka(),
                "--kafka-controller-port",
                ports.kafkaController(),
                "--postgres-port",
                ports.postgres());
        return options.entrySet().stream()
                .flatMap(e -> Stream.of(e.getKey(), String.valueOf(e.getValue())))
                .toList();
    }

    /**
     * The launcher's runtime class path: its classes, the contracts and cli modules as this build has them, then its
     * copied libraries (where an earlier package may have left older copies of those modules).
     */
    private static String classPath() {
        Function<Class<?>, String> location = type -> {
            try {
                return Path.of(type.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString();
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        };
        return String.join(
                File.pathSeparator,
                MODULE.resolve("target/classes").toString(),
                location.apply(Topics.class),
                location.apply(BenchpulseCli.class),
                MODULE.resolve("target/lib/*").toString());
    }
}
