package dev.benchpulse.hub.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the hub process costs, read from outside: resident memory and CPU time from {@code /proc}, and the heap in use
 * after a full collection ({@code jcmd <pid> GC.run}, then {@code GC.heap_info}). Without a pid, every reading is 0.
 */
final class HubProcess {

    private static final long TICKS_PER_SECOND = 100;

    private final long pid;

    HubProcess(long pid) {
        this.pid = pid;
    }

    long residentBytes() throws IOException {
        if (pid <= 0) {
            return 0;
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        return 0;
    }

    /** User plus system CPU time in milliseconds. */
    long cpuMillis() throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
    }

    /** Heap in use after a full GC, in bytes. */
    long heapAfterGc() throws IOException, InterruptedException {
        if (pid <= 0) {
            return 0;
        }
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        // G1: "garbage-first heap   total reserved 1048576K, committed 65536K, used 20480K"
        var matcher = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
        return matcher.find() ? Long.parseLong(matcher.group(1)) * 1024 : 0;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        String javaHome = System.getProperty("java.home");
        Process process = new ProcessBuilder(javaHome + "/bin/jcmd", String.valueOf(pid), command)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor(60, TimeUnit.SECONDS);
        return output;
    }
}
