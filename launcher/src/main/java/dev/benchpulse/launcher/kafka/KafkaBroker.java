package dev.benchpulse.launcher.kafka;

import dev.benchpulse.launcher.config.FileTrees;
import dev.benchpulse.launcher.config.StackLayout;
import dev.benchpulse.launcher.process.ComponentProcess;
import dev.benchpulse.launcher.process.JavaCommand;
import dev.benchpulse.launcher.process.ProcessSpec;
import dev.benchpulse.launcher.supervision.Component;
import dev.benchpulse.launcher.supervision.Readiness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (single KRaft node) from the Kafka jars on Maven Central, copied to
 * {@code launcher/target/kafka-libs} at build time. Its log and metadata stay in the state directory; the
 * storage is formatted once, on the first start.
 */
public final class KafkaBroker implements Component {

    public static final String NAME = "kafka";
    private static final String FORMAT = NAME + "-format";
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms128m",
            "-Xmx512m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-XX:+ExitOnOutOfMemoryError",
            "-Djava.awt.headless=true");

    private final StackLayout layout;
    private final int port;
    private final int controllerPort;
    private final JavaCommand java;
    private final KafkaFiles files;

    public KafkaBroker(StackLayout layout, int port, int controllerPort, JavaCommand java) {
        this.layout = layout;
        this.port = port;
        this.controllerPort = controllerPort;
        this.java = java;
        this.files = new KafkaFiles(layout.kafkaDir());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String address() {
        return bootstrapServers();
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public List<PortUse> ports() {
        return List.of(new PortUse(port, "--kafka-port"), new PortUse(controllerPort, "--kafka-controller-port"));
    }

    @Override
    public Optional<ComponentProcess> start() throws IOException, InterruptedException {
        if (!Files.isDirectory(layout.kafkaLibs())) {
            throw new IOException("The Kafka broker's jars are missing (" + layout.kafkaLibs() + "): build with "
                    + "./mvnw -B -ntp -DskipTests package (./benchpulse up does it when they are missing).");
        }
        files.write(port, controllerPort);
        if (!files.formatted()) {
            format(files, NAME + "-format");
        }
        Files.createDirectories(layout.classDataArchive(NAME).getParent());
        return Optional.of(
                spec(files, List.of("kafka.Kafka", files.serverProperties().toString()), NAME)
                        .start());
    }

    @Override
    public boolean isPrepared() {
        return !java.classDataSharing() || Files.exists(layout.classDataArchive(FORMAT));
    }

    /**
     * Formats a scratch storage directory once, so that the storage tool gets its class-data archive before the
     * first start, which formats the real one (the broker's own archive is written when it first stops).
     */
    @Override
    public void prepare() throws IOException, InterruptedException {
        Path scratch = layout.cacheDir()
                .resolve("kafka-training-" + ProcessHandle.current().pid());
        KafkaFiles training = new KafkaFiles(scratch);
        try {
            training.write(port, controllerPort);
            format(training, FORMAT + "-training");
        } finally {
            FileTrees.delete(scratch);
        }
    }

    private void format(KafkaFiles target, String logName) throws IOException, InterruptedException {
        ProcessSpec format = spec(
                target,
                List.of(
                        "kafka.tools.StorageTool",
                        "format",
                        "--ignore-formatted",
                        "-t",
                        Uuid.randomUuid().toString(),
                        "-c",
                        target.serverProperties().toString()),
                FORMAT);
        ComponentProcess formatting = new ProcessSpec(
                        logName, format.command(), Map.of(), layout.home(), layout.log(logName), "TERM", Duration.ZERO)
                .start();
        formatting.onExit().orTimeout(120, TimeUnit.SECONDS).join();
        if (formatting.exitCode() != 0) {
            throw new IOException("Formatting Kafka's storage failed (exit code " + formatting.exitCode() + "); see "
                    + formatting.log());
        }
    }

    /** A Kafka JVM running {@code mainAndArguments} with the class-data archive named {@code archiveName}. */
    private ProcessSpec spec(KafkaFiles target, List<String> mainAndArguments, String archiveName) throws IOException {
        List<String> arguments = new ArrayList<>(
                List.of("-Dlog4j2.configurationFile=" + target.log4j2(), "-cp", layout.kafkaLibs() + "/*"));
        arguments.addAll(mainAndArguments);
        Path archive = layout.classDataArchive(archiveName);
        Files.createDirectories(archive.getParent());
        List<String> command = java.command(JVM_OPTIONS, archive, arguments);
        return new ProcessSpec(
                NAME, command, Map.of(), layout.home(), layout.log(NAME), "TERM", java.stopGrace(archive));
    }

    @Override
    public void awaitReady(Readiness readiness) throws Exception {
        KafkaReadiness.awaitAndCreateTopics(bootstrapServers(), readiness);
    }

    @Override
    public boolean isHealthy() throws Exception {
        return KafkaReadiness.accepts(bootstrapServers());
    }
}
