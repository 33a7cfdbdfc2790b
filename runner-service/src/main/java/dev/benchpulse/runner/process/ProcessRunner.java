package dev.benchpulse.runner.process;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one external process to its end with a wall-clock limit: output is drained on virtual threads into bounded
 * buffers, optional input is written to stdin, and a process that overruns or is cancelled is killed together with
 * every process it started.
 */
public final class ProcessRunner {

    private static final Duration DRAIN_GRACE = Duration.ofSeconds(2);

    private final int maxOutputBytes;

    public ProcessRunner(int maxOutputBytes) {
        this.maxOutputBytes = maxOutputBytes;
    }

    /**
     * Starts {@code command}, feeds it {@code stdin} (null: none) and waits until it exits, {@code timeout}
     * passes or {@code cancellation} fires.
     */
    public ProcessResult run(List<String> command, byte[] stdin, Duration timeout, Cancellation cancellation) {
        long start = System.nanoTime();
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            return ProcessResult.notStarted(e.getMessage());
        }
        BoundedOutput out = new BoundedOutput(maxOutputBytes);
        BoundedOutput err = new BoundedOutput(maxOutputBytes);
        Thread outReader = Thread.ofVirtual().start(() -> out.drain(process.getInputStream()));
        Thread errReader = Thread.ofVirtual().start(() -> err.drain(process.getErrorStream()));
        Thread writer = Thread.ofVirtual().start(() -> write(process, stdin));
        ProcessResult.Ending ending;
        try (Cancellation.Registration ignored = cancellation.onCancel(() -> killTree(process.toHandle()))) {
            ending = await(process, timeout, cancellation);
        }
        join(writer, outReader, errReader);
        int exit = ending == ProcessResult.Ending.EXITED ? process.exitValue() : -1;
        return new ProcessResult(
                ending,
                exit,
                out.text(),
                err.text(),
                out.truncated() || err.truncated(),
                null,
                System.nanoTime() - start);
    }

    private static ProcessResult.Ending await(Process process, Duration timeout, Cancellation cancellation) {
        boolean exited;
        try {
            exited = process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            killTree(process.toHandle());
        }
        if (cancellation.isCancelled()) {
            return ProcessResult.Ending.CANCELLED;
        }
        return exited ? ProcessResult.Ending.EXITED : ProcessResult.Ending.TIMED_OUT;
    }

    /**
     * Kills a process and everything it started, and waits (briefly) until they are gone. Descendants are listed
     * first, while they are still children and not yet re-parented.
     */
    public static void killTree(ProcessHandle root) {
        List<ProcessHandle> tree =
                Stream.concat(Stream.of(root), root.descendants()).toList();
        tree.forEach(ProcessHandle::destroyForcibly);
        CompletableFuture.allOf(tree.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, 5, TimeUnit.SECONDS)
                .join();
    }

    private static void write(Process process, byte[] stdin) {
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin);
            }
        } catch (IOException e) {
            // the process exited without reading its input; its output tells why
        }
    }

    private static void join(Thread... threads) {
        long deadline = System.nanoTime() + DRAIN_GRACE.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
