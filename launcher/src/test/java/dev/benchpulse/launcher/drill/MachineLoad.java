package dev.benchpulse.launcher.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * How busy the machine and the stack were during one drill, so that each figure of the report can be read with the
 * load beside it (docs/performance.md does the same): the 1-minute load average sampled every second, the CPU time
 * the stack's processes used (the launcher and its descendants, from {@code /proc/<pid>/stat}; a process that exited
 * was reaped by its parent, whose children's times then hold its own), and the CPU time of the whole machine, other
 * work included ({@code /proc/stat}). Linux only; elsewhere the figures are zero.
 */
final class MachineLoad implements AutoCloseable {

    /** {@code USER_HZ}: the unit of {@code /proc} CPU times, 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final ProcessHandle launcher;
    private final double stackCpuAtStart;
    private final double machineCpuAtStart;
    private final long startNanos = System.nanoTime();
    private final List<Double> loads = new CopyOnWriteArrayList<>();
    private final Thread sampler;

    private MachineLoad(ProcessHandle launcher) {
        this.launcher = launcher;
        this.stackCpuAtStart = stackCpuSeconds(launcher);
        this.machineCpuAtStart = machineCpuSeconds();
        this.sampler = Thread.ofVirtual().name("drill-load").start(this::sample);
    }

    static MachineLoad watch(ProcessHandle launcher) {
        return new MachineLoad(launcher);
    }

    private void sample() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                loads.add(loadAverage());
                Thread.sleep(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The figures since the watch began. */
    Figures figures() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        List<Double> seen = loads.isEmpty() ? List.of(loadAverage()) : List.copyOf(loads);
        return new Figures(
                wall,
                seen.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                seen.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                stackCpuSeconds(launcher) - stackCpuAtStart,
                machineCpuSeconds() - machineCpuAtStart);
    }

    @Override
    public void close() {
        sampler.interrupt();
    }

    /**
     * The load beside a drill's figures.
     *
     * @param wallSeconds    how long the drill took
     * @param loadMean       mean 1-minute load average
     * @param loadMax        highest 1-minute load average
     * @param stackCpu       CPU seconds the stack's processes used (PHP samples included)
     * @param machineCpu     CPU seconds the whole machine used, other work included
     */
    record Figures(double wallSeconds, double loadMean, double loadMax, double stackCpu, double machineCpu) {}

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double stackCpuSeconds(ProcessHandle root) {
        return Stream.concat(Stream.of(root), root.descendants())
                .mapToDouble(MachineLoad::cpuSeconds)
                .sum();
    }

    /** utime + stime + cutime + cstime of a live process; 0 when it is gone. */
    private static double cpuSeconds(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int field = 11; field <= 14; field++) { // fields 14 to 17 of proc(5), counted from "state"
                ticks += Long.parseLong(fields[field]);
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Every CPU's user, nice, system, irq, softirq and steal time since boot (idle and iowait left out). */
    private static double machineCpuSeconds() {
        try {
            String[] cpu =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long ticks = 0;
            for (int field : new int[] {1, 2, 3, 6, 7, 8}) {
                ticks += Long.parseLong(cpu[field]);
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
