package dev.benchpulse.runner.run;

import dev.benchpulse.runner.RunnerServiceApplication;
import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.testsupport.EmbeddedBroker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second runner instance in its own JVM, started from the test class path with the test profile, on the JVM's
 * embedded broker: something a test can really kill.
 */
final class RunnerProcess implements AutoCloseable {

    private final Process process;

    private RunnerProcess(Process process) {
        this.process = process;
    }

    static RunnerProcess start(String instanceId, Path log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                RunnerServiceApplication.class.getName(),
                "--spring.profiles.active=test",
                "--spring.main.web-application-type=none",
                "--spring.kafka.bootstrap-servers=" + EmbeddedBroker.bootstrapServers(),
                "--benchpulse.runner.instance-id=" + instanceId,
                "--benchpulse.runner.worker.concurrent-runs=1"));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new RunnerProcess(process);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the JVM and the PHP process it was running, without any chance to clean up (SIGKILL). */
    void kill() {
        ProcessRunner.killTree(process.toHandle());
    }

    @Override
    public void close() {
        kill();
    }
}
