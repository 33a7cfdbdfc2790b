package dev.benchpulse.launcher.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How to start one component as an OS process: its command, environment and log file. The previous log is kept
 * as {@code <component>.log.1}.
 *
 * @param name       the component
 * @param command    program and arguments
 * @param environment variables added to the launcher's own environment
 * @param workingDir where the process runs
 * @param log        where its standard output and error go
 * @param stopSignal the signal that asks it to stop cleanly ({@code TERM}, or {@code INT} for PostgreSQL)
 * @param stopGrace  time it may take to stop on top of the stack's stop timeout (a JVM writing its class-data
 *                   archive at its first exit needs a while)
 */
public record ProcessSpec(
        String name,
        List<String> command,
        Map<String, String> environment,
        Path workingDir,
        Path log,
        String stopSignal,
        Duration stopGrace) {

    public ProcessSpec {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** Starts the process in a session of its own when the system has {@code setsid}. */
    public ComponentProcess start() throws IOException {
        Files.createDirectories(log.getParent());
        if (Files.exists(log)) {
            Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> argv = new ArrayList<>();
        boolean ownGroup = Signals.setsid().isPresent();
        Signals.setsid().ifPresent(setsid -> argv.add(setsid.toString()));
        argv.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(argv)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        return new ComponentProcess(name, builder.start(), log, stopSignal, stopGrace, ownGroup);
    }
}
