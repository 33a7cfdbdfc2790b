package dev.benchpulse.launcher.service;

import dev.benchpulse.launcher.process.ComponentProcess;
import dev.benchpulse.launcher.process.JavaCommand;
import dev.benchpulse.launcher.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Spring Boot's class-data-sharing training run: the service starts with its real command line (same options, same
 * application jar, same archive file), refreshes its context and exits ({@code spring.context.exit=onRefresh}),
 * and the JVM writes the archive as it exits. Nothing it needs runs yet: it creates no topic, starts no listener,
 * migrates no database and opens no port, so it works before Kafka and PostgreSQL are up. Its later starts map the
 * archive instead of loading and verifying thousands of classes, and its first stop has no archive to write.
 */
final class ClassDataTraining {

    /** Exit once the context is refreshed; do nothing on the way that needs Kafka or PostgreSQL. */
    static final List<String> PROPERTIES = List.of(
            "-Dspring.context.exit=onRefresh",
            "-Dspring.kafka.admin.auto-create=false",
            "-Dspring.kafka.listener.auto-startup=false",
            "-Dspring.flyway.enabled=false");

    private static final Duration TIMEOUT = Duration.ofSeconds(180);

    private ClassDataTraining() {}

    /**
     * Runs the training of the application jar {@code appJar}; afterwards {@code archive} exists.
     *
     * @throws IOException when the run failed, timed out or left no archive (its log says why)
     */
    static void run(
            String name,
            JavaCommand java,
            List<String> options,
            Path archive,
            Path appJar,
            Map<String, String> environment,
            Path workingDir,
            Path log)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(PROPERTIES);
        arguments.addAll(List.of("-jar", appJar.toString()));
        ComponentProcess training = new ProcessSpec(
                        name + "-training",
                        java.command(options, archive, arguments),
                        environment,
                        workingDir,
                        log,
                        "TERM",
                        Duration.ZERO)
                .start();
        try {
            training.onExit().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException(
                    name + "'s class-data training run did not finish within " + TIMEOUT.toSeconds() + " s; see " + log,
                    e);
        } finally {
            if (training.isAlive()) {
                training.kill();
            }
        }
        if (training.exitCode() != 0 || !Files.exists(archive)) {
            Files.deleteIfExists(archive);
            throw new IOException(
                    name + "'s class-data training run failed (exit code " + training.exitCode() + "); see " + log);
        }
    }
}
