package dev.benchpulse.results.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time spent during a phase, by whom: this JVM's threads grouped by role (broker, producer, consumer, database
 * driver, ...), the JVM's own work (garbage collection and JIT compilers are not Java threads: they are the process's
 * CPU time minus that of the live Java threads) and the PostgreSQL server's processes. CPU seconds do not depend on how many other programs share the
 * machine the way elapsed times do, so they say what a phase would take on two otherwise idle cores.
 */
final class CpuAccount {

    private static final double CLOCK_TICKS_PER_SECOND = 100;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean process =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long postmaster;

    /** @param postmaster process id of the PostgreSQL server's main process */
    CpuAccount(long postmaster) {
        this.postmaster = postmaster;
    }

    /** CPU seconds used so far, by group. */
    Map<String, Double> snapshot() {
        Map<String, Double> seconds = new TreeMap<>();
        double javaThreads = 0;
        double wholeProcess = process.getProcessCpuTime() / 1e9;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    seconds.merge(group(info.getThreadName()), cpu / 1e9, Double::sum);
                    javaThreads += cpu / 1e9;
                }
            }
        }
        seconds.put("jvm: gc, jit, ended threads", wholeProcess - javaThreads);
        seconds.put("postgresql", postgresSeconds());
        return seconds;
    }

    /** What was used between two snapshots, largest first, with the total. */
    static String between(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> used = new TreeMap<>();
        after.forEach((group, s) -> used.put(group, s - before.getOrDefault(group, 0.0)));
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder out = new StringBuilder("%.1f CPU-s:".formatted(total));
        used.entrySet().stream()
                .filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> out.append(" %s %.1f;".formatted(e.getKey(), e.getValue())));
        return out.toString();
    }

    private static String group(String thread) {
        if (thread.startsWith("results-benchmark-events")) {
            return "service: consumer threads";
        }
        if (thread.startsWith("reactor-tcp") || thread.startsWith("r2dbc")) {
            return "service: database driver (netty)";
        }
        if (thread.startsWith("kafka-producer-network-thread")) {
            return "generator: producer I/O";
        }
        if (thread.equals("main")) {
            return "generator: main (builds and serializes events)";
        }
        if (thread.startsWith("data-plane")
                || thread.startsWith("kafka-")
                || thread.startsWith("broker-")
                || thread.startsWith("quorum")
                || thread.contains("Reaper")
                || thread.startsWith("ReplicaFetcher")
                || thread.startsWith("controller")
                || thread.startsWith("log-cleaner")
                || thread.startsWith("raft")
                || thread.startsWith("group-coordinator")) {
            return "broker";
        }
        return "other threads";
    }

    /** The server's processes: the postmaster and its children, living ones and exited ones. */
    private double postgresSeconds() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes
                    .filter(p -> p.getFileName().toString().matches("\\d+"))
                    .toList()) {
                String[] stat = stat(process);
                if (stat == null) {
                    continue;
                }
                long pid = Long.parseLong(process.getFileName().toString());
                if (pid == postmaster) {
                    ticks += Long.parseLong(stat[11])
                            + Long.parseLong(stat[12])
                            + Long.parseLong(stat[13])
                            + Long.parseLong(stat[14]);
                } else if (Long.parseLong(stat[1]) == postmaster) {
                    ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks / CLOCK_TICKS_PER_SECOND;
    }

    /** Fields of /proc/pid/stat after the command name (state is [0], ppid [1], utime [11], stime [12]). */
    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (IOException e) {
            return null;
        }
    }
}
