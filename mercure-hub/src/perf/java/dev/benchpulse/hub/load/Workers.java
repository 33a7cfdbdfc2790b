package dev.benchpulse.hub.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** The subscriber processes of one run, driven line by line over their standard input and output. */
final class Workers implements AutoCloseable {

    record Report(long events, int open, int failed, Histogram latencies) {}

    private final List<Process> processes = new ArrayList<>();
    private final List<PrintWriter> inputs = new ArrayList<>();
    private final List<BlockingQueue<String>> outputs = new ArrayList<>();

    Workers(int processCount, int subscribers, String url, List<String> sources, String heap) throws IOException {
        this(processCount, subscribers, p -> "--url=" + url, sources, heap, SubscriberWorker.class);
    }

    /**
     * Worker processes of the given class; {@code urlOption} says which hub (or hubs) process {@code p} subscribes
     * to, as its {@code --url=} or {@code --urls=} option.
     */
    Workers(
            int processCount,
            int subscribers,
            java.util.function.IntFunction<String> urlOption,
            List<String> sources,
            String heap,
            Class<?> worker)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        for (int p = 0; p < processCount; p++) {
            int share = subscribers / processCount + (p < subscribers % processCount ? 1 : 0);
            List<String> mySources = new ArrayList<>();
            for (int s = p; s < sources.size(); s += processCount) {
                mySources.add(sources.get(s));
            }
            Process process = new ProcessBuilder(
                            java,
                            "-Xmx" + heap,
                            "-Xss256k",
                            "-XX:+UseParallelGC",
                            "-cp",
                            System.getProperty("java.class.path"),
                            worker.getName(),
                            "--subscribers=" + share,
                            urlOption.apply(p),
                            "--sources=" + String.join(",", mySources.isEmpty() ? sources : mySources))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            processes.add(process);
            inputs.add(new PrintWriter(process.getOutputStream(), true));
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            outputs.add(lines);
            Thread.ofPlatform().daemon().start(() -> pump(process, lines));
        }
    }

    private static void pump(Process process, BlockingQueue<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("EOF " + e);
        }
    }

    /** Waits until every worker has opened its subscriptions; returns how many are open. */
    int awaitReady(long timeoutSeconds) throws InterruptedException {
        int open = 0;
        for (BlockingQueue<String> lines : outputs) {
            String line = next(lines, "READY", timeoutSeconds);
            open += Integer.parseInt(line.split(" ")[1]);
        }
        return open;
    }

    /** From now on, workers record only updates due from now on (earlier ones are warm-up). */
    void reset() throws InterruptedException {
        long now = System.nanoTime();
        inputs.forEach(in -> in.println("RESET " + now));
        for (BlockingQueue<String> lines : outputs) {
            next(lines, "RESET", 30);
        }
    }

    Report report() throws Exception {
        inputs.forEach(in -> in.println("REPORT"));
        long events = 0;
        int open = 0;
        int failed = 0;
        Histogram merged = new Histogram(3);
        for (BlockingQueue<String> lines : outputs) {
            String[] parts = next(lines, "REPORT", 60).split(" ");
            events += Long.parseLong(parts[1]);
            open += Integer.parseInt(parts[2]);
            failed += Integer.parseInt(parts[3]);
            merged.add(Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(parts[4])), 0));
        }
        return new Report(events, open, failed, merged);
    }

    /** The CPU time the subscriber processes have used so far, in milliseconds. */
    long cpuMillis() {
        return processes.stream()
                .mapToLong(p -> p.info()
                        .totalCpuDuration()
                        .map(java.time.Duration::toMillis)
                        .orElse(0L))
                .sum();
    }

    /** Sends a command line to every worker and returns each worker's answer starting with {@code prefix}. */
    List<String> ask(String command, String prefix, long timeoutSeconds) throws InterruptedException {
        inputs.forEach(in -> in.println(command));
        List<String> answers = new ArrayList<>();
        for (BlockingQueue<String> lines : outputs) {
            answers.add(next(lines, prefix, timeoutSeconds));
        }
        return answers;
    }

    private static String next(BlockingQueue<String> lines, String prefix, long timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line != null && line.startsWith("EOF")) {
                throw new IllegalStateException("A subscriber worker died: " + line);
            }
        }
        throw new IllegalStateException("No " + prefix + " from a subscriber worker within " + timeoutSeconds + " s");
    }

    @Override
    public void close() {
        inputs.forEach(in -> in.println("EXIT"));
        for (Process process : processes) {
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroy();
                }
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
            }
        }
    }
}
