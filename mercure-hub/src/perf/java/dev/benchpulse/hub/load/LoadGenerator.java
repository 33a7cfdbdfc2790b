package dev.benchpulse.hub.load;

import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.hub.testing.MercureTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Load generator for the hub (docs/performance.md, section "Mercure hub"). Not a test: run it against a hub started
 * with {@code MERCURE_ANONYMOUS=true}, as documented there. Two scenarios:
 * <ul>
 *   <li>{@code fanout}: {@code --subscribers} connections spread over {@code --processes} subscriber processes and
 *   the {@code --sources} local addresses, all selecting the template {@code urn:benchpulse:runs:{runId}}; then
 *   {@code --updates} updates one {@code --interval} apart, each matched by every subscriber. Reports the
 *   publish-to-receive latency of every delivery, and the hub's memory and CPU per subscriber ({@code --hub-pid}).</li>
 *   <li>{@code throughput}: {@code --subscribers} (100) subscribers, then {@code --rate} updates per second for
 *   {@code --duration}, over {@code --connections} publishing connections. Reports the latency of every delivery.</li>
 * </ul>
 * Options are {@code --name=value}; {@code --hub} (default {@code http://127.0.0.1:3000}) and
 * {@code --publisher-key} (the hub's MERCURE_PUBLISHER_JWT_KEY) are needed by both.
 */
public final class LoadGenerator {

    private static final String TOPIC_TEMPLATE = RunTopics.TEMPLATE;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        String scenario = args.length > 0 && !args[0].startsWith("--") ? args[0] : "fanout";
        String hub = options.getOrDefault("hub", "http://127.0.0.1:3000") + "/.well-known/mercure";
        String token = MercureTokens.hmac(options.get("publisher-key")).publisher("*");
        String subscribe = hub + "?topic=" + java.net.URLEncoder.encode(TOPIC_TEMPLATE, "UTF-8");
        HubProcess process = new HubProcess(Long.parseLong(options.getOrDefault("hub-pid", "0")));
        System.out.printf("load: %s%n", String.join(" ", args));
        System.out.printf("uptime before: %s%n", uptime());
        if ("throughput".equals(scenario)) {
            throughput(options, hub, token, subscribe);
        } else {
            fanout(options, hub, token, subscribe, process);
        }
        System.out.printf("uptime after: %s%n", uptime());
    }

    private static void fanout(
            Map<String, String> options, String hub, String token, String subscribe, HubProcess process)
            throws Exception {
        int subscribers = Integer.parseInt(options.getOrDefault("subscribers", "19000"));
        int updates = Integer.parseInt(options.getOrDefault("updates", "20"));
        Duration interval = Duration.parse("PT" + options.getOrDefault("interval", "3s"));
        long heapBefore = process.heapAfterGc();
        long rssBefore = process.residentBytes();
        long cpuBefore = process.cpuMillis();
        long connectStart = System.nanoTime();
        try (Workers workers = new Workers(
                Integer.parseInt(options.getOrDefault("processes", "3")),
                subscribers,
                subscribe,
                sources(options),
                options.getOrDefault("worker-heap", "768m"))) {
            int open = workers.awaitReady(600);
            double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
            long cpuConnected = process.cpuMillis();
            long rssConnected = process.residentBytes();
            long heapConnected = process.heapAfterGc();
            System.out.printf("subscribers open: %d of %d in %.1f s%n", open, subscribers, connectSeconds);
            System.out.printf(
                    "hub heap after GC: %d MiB -> %d MiB: %.1f KiB per subscriber%n",
                    heapBefore >> 20, heapConnected >> 20, (heapConnected - heapBefore) / 1024.0 / Math.max(open, 1));
            System.out.printf(
                    "hub resident memory: %d MiB -> %d MiB: %.1f KiB per subscriber%n",
                    rssBefore >> 20, rssConnected >> 20, (rssConnected - rssBefore) / 1024.0 / Math.max(open, 1));
            System.out.printf(
                    "hub CPU to accept the subscribers: %.2f ms per subscriber%n",
                    (cpuConnected - cpuBefore) / (double) Math.max(open, 1));
            RatePublisher publisher = new RatePublisher(hub, token, RunTopics.of("fanout"), 1);
            for (int i = 0; i < 3; i++) { // warm-up updates (connections, JIT), not measured
                publisher.publish(System.nanoTime());
                Thread.sleep(interval);
            }
            publisher.drain(3, Duration.ofSeconds(30));
            Duration idle = Duration.parse("PT" + options.getOrDefault("idle", "20s"));
            long idleCpuStart = process.cpuMillis();
            Thread.sleep(idle);
            double idleCpuPerSecond = (process.cpuMillis() - idleCpuStart) / (double) idle.toSeconds();
            System.out.printf(
                    "hub CPU while idle with %d subscribers (heartbeats): %.1f %% of one core%n",
                    open, idleCpuPerSecond / 10.0);
            workers.reset();
            long warmed = publisher.accepted.get();
            long fanoutStart = System.nanoTime();
            long cpuFanout = process.cpuMillis();
            for (int i = 0; i < updates; i++) {
                publisher.publish(System.nanoTime());
                Thread.sleep(interval);
            }
            publisher.drain(3 + updates, Duration.ofSeconds(30));
            double fanoutSeconds = (System.nanoTime() - fanoutStart) / 1e9;
            double fanoutCpu = process.cpuMillis() - cpuFanout - idleCpuPerSecond * fanoutSeconds;
            Workers.Report report = workers.report();
            System.out.printf(
                    "updates published: %d accepted, %d refused, %d failed%n",
                    publisher.accepted.get() - warmed, publisher.refused.get(), publisher.failed.get());
            System.out.printf(
                    "deliveries: %d of %d expected (%d subscribers still open, %d dropped)%n",
                    report.events(), (long) updates * open, report.open(), report.failed());
            System.out.printf(
                    "hub CPU per delivery (idle CPU subtracted): %.2f microseconds%n",
                    fanoutCpu * 1000.0 / Math.max(report.events(), 1));
            print("publish-to-receive latency, every delivery", report.latencies());
        }
    }

    private static void throughput(Map<String, String> options, String hub, String token, String subscribe)
            throws Exception {
        int rate = Integer.parseInt(options.getOrDefault("rate", "20000"));
        Duration duration = Duration.parse("PT" + options.getOrDefault("duration", "20s"));
        Duration warmup = Duration.parse("PT" + options.getOrDefault("warmup", "10s"));
        try (Workers workers = new Workers(
                Integer.parseInt(options.getOrDefault("processes", "1")),
                Integer.parseInt(options.getOrDefault("subscribers", "100")),
                subscribe,
                sources(options),
                options.getOrDefault("worker-heap", "768m"))) {
            int open = workers.awaitReady(120);
            RatePublisher publisher = new RatePublisher(
                    hub,
                    token,
                    RunTopics.of("throughput"),
                    Integer.parseInt(options.getOrDefault("connections", "32")));
            long warm = publisher.run(rate, warmup);
            publisher.drain(warm, Duration.ofSeconds(30));
            Thread.sleep(1000);
            workers.reset();
            long before = publisher.accepted.get();
            long start = System.nanoTime();
            long sent = publisher.run(rate, duration);
            double seconds = (System.nanoTime() - start) / 1e9;
            publisher.drain(warm + sent, Duration.ofSeconds(60));
            Thread.sleep(2000);
            Workers.Report report = workers.report();
            System.out.printf(
                    "subscribers: %d open at start, %d still open, %d dropped%n", open, report.open(), report.failed());
            System.out.printf(
                    "published: %d in %.1f s (%.0f/s); accepted %d, refused %d, failed %d%n",
                    sent,
                    seconds,
                    sent / seconds,
                    publisher.accepted.get() - before,
                    publisher.refused.get(),
                    publisher.failed.get());
            System.out.printf("deliveries: %d of %d expected%n", report.events(), sent * open);
            print("publish-to-receive latency, every delivery", report.latencies());
        }
    }

    private static void print(String title, Histogram latencies) {
        System.out.printf(
                "%s (ms): p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f  (n=%d)%n",
                title,
                latencies.getValueAtPercentile(50) / 1e6,
                latencies.getValueAtPercentile(90) / 1e6,
                latencies.getValueAtPercentile(99) / 1e6,
                latencies.getValueAtPercentile(99.9) / 1e6,
                latencies.getMaxValue() / 1e6,
                latencies.getTotalCount());
    }

    private static List<String> sources(Map<String, String> options) {
        return List.of(
                options.getOrDefault("sources", "127.0.0.2,127.0.0.3,127.0.0.4").split(","));
    }

    private static String uptime() {
        try {
            return new String(new ProcessBuilder("uptime")
                            .start()
                            .getInputStream()
                            .readAllBytes())
                    .trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return options;
    }
}
