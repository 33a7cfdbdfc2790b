package dev.benchpulse.stack.launch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The once-per-build work of the components ({@link Component#prepare()}), done before the stack starts: as many
 * at a time as there are processors, since each is a busy JVM. A component that cannot be prepared is only
 * reported: it starts anyway, just not as fast. Processes it leaves behind are killed if the launcher stops
 * meanwhile.
 */
public final class Preparation {

    private final StackConsole console;

    public Preparation(StackConsole console) {
        this.console = console;
    }

    /** Prepares every component; prints what it did and how long it took, when it did anything. */
    public void prepare(List<Component> components) throws InterruptedException {
        long began = System.nanoTime();
        Thread cleanup = new Thread(() -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly),
                "benchpulse-preparation-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        List<String> prepared = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            List<Future<Boolean>> results = components.stream().map(c -> pool.submit(c::prepare)).toList();
            for (int i = 0; i < components.size(); i++) {
                if (prepared(components.get(i), results.get(i))) {
                    prepared.add(components.get(i).name());
                }
            }
        } finally {
            removeHook(cleanup);
        }
        if (!prepared.isEmpty()) {
            console.prepared(prepared, Duration.ofNanos(System.nanoTime() - began));
        }
    }

    private boolean prepared(Component component, Future<Boolean> result) throws InterruptedException {
        try {
            return result.get();
        } catch (ExecutionException e) {
            console.line("WARNING could not prepare " + component.name() + " (it starts anyway, more slowly): "
                    + e.getCause().getMessage());
            return false;
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs: nothing to remove
        }
    }
}
