package dev.benchpulse.launcher.supervision;

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

    /** Prepares the components that need it, saying which and how long each took. */
    public void prepare(List<Component> components) throws InterruptedException {
        List<Component> todo = new ArrayList<>();
        for (Component component : components) {
            if (!isPrepared(component)) {
                todo.add(component);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        long began = System.nanoTime();
        console.preparing(todo);
        Thread cleanup = new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly),
                "benchpulse-preparation-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try (ExecutorService pool =
                Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())) {
            // The last stages first: the services' training runs take longest, the short unpacking fills the end.
            List<Component> order = todo.reversed();
            List<Future<Duration>> results =
                    order.stream().map(c -> pool.submit(() -> timed(c))).toList();
            for (int i = 0; i < order.size(); i++) {
                await(order.get(i), results.get(i));
            }
        } finally {
            removeHook(cleanup);
        }
        console.prepared(Duration.ofNanos(System.nanoTime() - began));
    }

    /** False also when that cannot be told: preparing it will say why. */
    private static boolean isPrepared(Component component) {
        try {
            return component.isPrepared();
        } catch (Exception e) {
            return false;
        }
    }

    private Duration timed(Component component) throws Exception {
        long began = System.nanoTime();
        component.prepare();
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        console.prepared(component, took);
        return took;
    }

    private void await(Component component, Future<Duration> result) throws InterruptedException {
        try {
            result.get();
        } catch (ExecutionException e) {
            console.line("WARNING could not prepare " + component.name() + " (it starts anyway, more slowly): "
                    + e.getCause().getMessage());
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
