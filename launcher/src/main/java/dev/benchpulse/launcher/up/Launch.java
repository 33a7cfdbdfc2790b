package dev.benchpulse.launcher.up;

import dev.benchpulse.launcher.config.FileTrees;
import dev.benchpulse.launcher.config.StackKeys;
import dev.benchpulse.launcher.config.StackLayout;
import dev.benchpulse.launcher.config.StackSettings;
import dev.benchpulse.launcher.control.ControlEndpoint;
import dev.benchpulse.launcher.php.Installations;
import dev.benchpulse.launcher.php.PhpDirectory;
import dev.benchpulse.launcher.preflight.ExposureCheck;
import dev.benchpulse.launcher.preflight.PhpCheck;
import dev.benchpulse.launcher.preflight.PortCheck;
import dev.benchpulse.launcher.process.Leftovers;
import dev.benchpulse.launcher.process.PidFile;
import dev.benchpulse.launcher.service.Services;
import dev.benchpulse.launcher.supervision.Component;
import dev.benchpulse.launcher.supervision.ComponentFailure;
import dev.benchpulse.launcher.supervision.Preparation;
import dev.benchpulse.launcher.supervision.StackConsole;
import dev.benchpulse.launcher.supervision.StackLock;
import dev.benchpulse.launcher.supervision.Supervisor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One launch, a run of {@code ./benchpulse up} from its lock to its last component stopped: takes the state
 * directory's lock, cleans up after a previous launcher that was killed, has the {@link ComponentPlan} say what runs,
 * checks the ports, prepares what a new build needs (unpacked jars, class-data archives), hands the components to a
 * {@link Supervisor} and opens its {@link ControlEndpoint} (for {@code ./benchpulse status} and the commands on one
 * component), then waits until Ctrl-C or SIGTERM stops it. With {@code --prepare-only} it stops after
 * preparing.
 */
final class Launch {

    private final StackSettings settings;
    private final StackConsole console;

    Launch(StackSettings settings, StackConsole console) {
        this.settings = settings;
        this.console = console;
    }

    /** The process exit code: 0 after a clean stop, 1 when the stack could not start. */
    int run() throws IOException {
        StackLayout layout = settings.layout();
        Optional<StackLock> lock = StackLock.tryAcquire(layout.lockFile());
        if (lock.isEmpty()) {
            console.line("Another ./benchpulse up (pid " + StackLock.holder(layout.lockFile()) + ") is running on "
                    + layout.stateDir() + ". Stop it first, or give this one another --state-dir.");
            return 1;
        }
        try (StackLock held = lock.get()) {
            return runLocked(layout);
        }
    }

    private int runLocked(StackLayout layout) throws IOException {
        console.line("Benchpulse local stack, state in " + layout.stateDir());
        List<String> leftovers = Leftovers.stop(layout.pidFile(), layout.stateDir(), Duration.ofSeconds(20));
        if (!leftovers.isEmpty()) {
            console.line("Stopped what a previous ./benchpulse up left running: " + String.join(", ", leftovers));
        }
        if (settings.fresh() && !settings.prepareOnly()) {
            wipe(layout);
        }
        if (settings.wants(Services.RUNNER)) {
            int installed = new Installations(PhpDirectory.resolve(layout.home(), System.getenv(PhpDirectory.ENV)))
                    .all()
                    .size();
            PhpCheck.warning(System.getenv("PATH"), installed).ifPresent(warning -> console.line("WARNING " + warning));
        }
        if (settings.wants(Services.GATEWAY)) {
            ExposureCheck.warning(settings.bindAddress(), System.getenv("BENCHPULSE_SECURITY_MODE"))
                    .ifPresent(warning -> console.line("WARNING " + warning));
        }
        List<List<Component>> stages = ComponentPlan.stages(settings, StackKeys.loadOrCreate(layout.keys()));
        List<String> problems = settings.prepareOnly()
                ? List.of()
                : PortCheck.problems(stages.stream().flatMap(List::stream).toList());
        if (!problems.isEmpty()) {
            problems.forEach(problem -> console.line("ERROR " + problem));
            return 1;
        }
        try {
            new Preparation(console)
                    .prepare(stages.stream().flatMap(List::stream).toList());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        return settings.prepareOnly() ? 0 : startAndHold(layout, stages);
    }

    private int startAndHold(StackLayout layout, List<List<Component>> stages) throws IOException {
        Files.deleteIfExists(layout.pidFile());
        Supervisor supervisor = new Supervisor(
                stages, console, new PidFile(layout.pidFile()), settings.startTimeout(), settings.stopTimeout());
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::stop, "benchpulse-stop"));
        long began = System.nanoTime();
        try (ControlEndpoint control = ControlEndpoint.start(supervisor, layout.stateDir())) {
            if (!started(supervisor)) {
                supervisor.stop();
                return 1;
            }
            console.up(
                    Duration.ofNanos(System.nanoTime() - began),
                    settings.wants(Services.GATEWAY)
                            ? "http://localhost:" + settings.ports().gateway()
                            : "(gateway-frontend not started)");
            console.line("./benchpulse status shows the components; a component that exits is restarted.");
            supervisor.awaitStopped();
            return 0;
        }
    }

    /** Starts the components; false, with why (unless they are being stopped), when they could not start. */
    private boolean started(Supervisor supervisor) {
        try {
            supervisor.start();
            return true;
        } catch (ComponentFailure failure) {
            if (!supervisor.isStopping()) {
                console.failed(failure);
            }
        } catch (InterruptedException | IOException | RuntimeException e) {
            if (!supervisor.isStopping()) {
                console.line("FAILED: " + e.getMessage());
            }
        }
        return false;
    }

    /** {@code --fresh}: everything but the cache and the lock goes. */
    private void wipe(StackLayout layout) throws IOException {
        for (Path path :
                List.of(layout.kafkaDir(), layout.postgresData(), layout.keys(), layout.logs(), layout.pidFile())) {
            FileTrees.delete(path);
        }
        console.line("Fresh start: removed the Kafka log, the PostgreSQL data, the keys and the logs.");
    }
}
