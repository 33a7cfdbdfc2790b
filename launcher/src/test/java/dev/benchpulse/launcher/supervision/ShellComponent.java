package dev.benchpulse.launcher.supervision;

import dev.benchpulse.launcher.process.ComponentProcess;
import dev.benchpulse.launcher.process.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A component run by {@code sh -c script}, standing in for a real one: ready once its log (a fresh one per start)
 * has a line {@code ready}; healthy while its process runs.
 *
 * @param name   the component's name
 * @param script what it runs
 * @param state  the state directory (its log goes to {@code logs/<name>.log})
 */
public record ShellComponent(String name, String script, Path state) implements Component {

    @Override
    public String address() {
        return "sh";
    }

    @Override
    public Optional<ComponentProcess> start() throws Exception {
        return Optional.of(
                new ProcessSpec(name, List.of("sh", "-c", script), Map.of(), state, log(), "TERM", Duration.ZERO)
                        .start());
    }

    @Override
    public void awaitReady(Readiness readiness) throws Exception {
        readiness.await(
                "ready", () -> Files.exists(log()) && Files.readAllLines(log()).contains("ready"));
    }

    private Path log() {
        return state.resolve("logs").resolve(name + ".log");
    }
}
