package dev.benchpulse.hub.load;

import dev.benchpulse.contracts.web.RunTopics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Load program for a hub cluster over Kafka (docs/performance.md, section "Mercure hub cluster"). Not a test: run it
 * against hub instances started with {@code MERCURE_TRANSPORT=kafka MERCURE_ANONYMOUS=true
 * MERCURE_LIMITS_SUBSCRIPTIONS_PER_ADDRESS=0}. Updates are produced straight to the topic ({@code --bootstrap},
 * {@code --kafka-topic}), as the notifier does. Scenarios:
 * <ul>
 *   <li>{@code fanout}: {@code --subscribers} spread over the {@code --hubs} (worker process {@code p} subscribes to
 *   hub {@code p mod hubs}), then {@code --updates} updates {@code --interval} apart, each matched by all of them:
 *   publish-to-receive latency of every delivery, and the hubs' CPU ({@code --hub-pids}).</li>
 *   <li>{@code throughput}: {@code --subscribers} (100) over the hubs, then {@code --rate} updates per second for
 *   {@code --duration}, then {@code --drain} (5s) for the last ones to arrive: deliveries counted against updates
 *   times subscribers, latency of every delivery.</li>
 *   <li>{@code failover}: {@code --subscribers} per hub on the first {@code --loaded} of the hubs (all of them
 *   unless set; the others are spares), EventSource-like ({@link FailoverWorker}: reconnect to another hub, chosen at
 *   random, with Last-Event-ID); {@code --rate} updates per second for {@code --duration}; after
 *   {@code --kill-after} the hub with pid {@code --kill-pid} is killed with SIGKILL. Reports missed and repeated
 *   updates per subscriber ({@code --drain} after the last one was produced) and how long subscribers went without
 *   updates.</li>
 * </ul>
 */
public final class ClusterLoad {

    private static final String TEMPLATE = RunTopics.TEMPLATE;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = LoadGenerator.options(args);
        String scenario = args.length > 0 && !args[0].startsWith("--") ? args[0] : "throughput";
        List<String> hubs = List.of(options.getOrDefault("hubs", "http://127.0.0.1:3901,http://127.0.0.1:3902")
                .split(","));
        String bootstrap = options.getOrDefault("bootstrap", "127.0.0.1:9092");
        String kafkaTopic = options.getOrDefault("kafka-topic", "benchpulse.hub-updates.v1");
        List<String> sources = List.of(
                options.getOrDefault("sources", "127.0.0.2,127.0.0.3,127.0.0.4").split(","));
        String heap = options.getOrDefault("worker-heap", "768m");
        System.out.printf("load: %s%nuptime before: %s%n", String.join(" ", args), uptime());
        long[] pids = java.util.Arrays.stream(
                        options.getOrDefault("hub-pids", "").split(","))
                .filter(s -> !s.isBlank())
                .mapToLong(Long::parseLong)
                .toArray();
        switch (scenario) {
            case "fanout" -> fanout(options, hubs, bootstrap, kafkaTopic, sources, heap, pids);
            case "failover" -> failover(options, hubs, bootstrap, kafkaTopic, sources, heap);
            default -> throughput(options, hubs, bootstrap, kafkaTopic, sources, heap, pids);
        }
        System.out.printf("uptime after: %s%n", uptime());
    }

    private static String subscription(String hub) {
        return hub + "/.well-known/mercure?topic="
                + java.net.URLEncoder.encode(TEMPLATE, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static long cpu(long[] pids) throws java.io.IOException {
        long total = 0;
        for (long pid : pids) {
            total += new HubProcess(pid).cpuMillis();
        }
        return total;
    }

    private static void fanout(
            Map<String, String> options,
            List<String> hubs,
            String bootstrap,
            String kafkaTopic,
            List<String> sources,
            String heap,
            long[] pids)
            throws Exception {
        int subscribers = Integer.parseInt(options.getOrDefault("subscribers", "40000"));
        int processes = Integer.parseInt(options.getOrDefault("processes", "8"));
        int updates = Integer.parseInt(options.getOrDefault("updates", "10"));
        Duration interval = Duration.parse("PT" + options.getOrDefault("interval", "5s"));
        long connectStart = System.nanoTime();
        try (Workers workers = new Workers(
                        processes,
                        subscribers,
                        p -> "--url=" + subscription(hubs.get(p % hubs.size())),
                        sources,
                        heap,
                        SubscriberWorker.class);
                KafkaRatePublisher publisher = new KafkaRatePublisher(bootstrap, kafkaTopic, RunTopics.of("fanout"))) {
            int open = workers.awaitReady(1800);
            System.out.printf(
                    "subscribers open: %d of %d over %d hubs in %.1f s%n",
                    open, subscribers, hubs.size(), (System.nanoTime() - connectStart) / 1e9);
            for (int i = 0; i < 3; i++) {
                publisher.publish(System.nanoTime());
                Thread.sleep(interval);
            }
            workers.reset();
            long cpuBefore = cpu(pids);
            long start = System.nanoTime();
            for (int i = 0; i < updates; i++) {
                publisher.publish(System.nanoTime());
                Thread.sleep(interval);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Workers.Report report = workers.report();
            System.out.printf(
                    "deliveries: %d of %d expected (%d open, %d dropped)%n",
                    report.events(), (long) updates * open, report.open(), report.failed());
            System.out.printf(
                    "hubs' CPU during the fan-out: %.1f s over %.1f s (%.1f microseconds per delivery)%n",
                    (cpu(pids) - cpuBefore) / 1000.0,
                    seconds,
                    (cpu(pids) - cpuBefore) * 1000.0 / Math.max(1, report.events()));
            print("publish-to-receive latency, every delivery", report.latencies());
        }
    }

    private static void throughput(
            Map<String, String> options,
            List<String> hubs,
            String bootstrap,
            String kafkaTopic,
            List<String> sources,
            String heap,
            long[] pids)
            throws Exception {
        int subscribers = Integer.parseInt(options.getOrDefault("subscribers", "100"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "20000"));
        Duration duration = Duration.parse("PT" + options.getOrDefault("duration", "15s"));
        Duration warmup = Duration.parse("PT" + options.getOrDefault("warmup", "10s"));
        try (Workers workers = new Workers(
                        Math.max(1, hubs.size()),
                        subscribers,
                        p -> "--url=" + subscription(hubs.get(p % hubs.size())),
                        sources,
                        heap,
                        SubscriberWorker.class);
                KafkaRatePublisher publisher =
                        new KafkaRatePublisher(bootstrap, kafkaTopic, RunTopics.of("throughput"))) {
            int open = workers.awaitReady(120);
            publisher.run(rate, warmup);
            Thread.sleep(3000); // the warm-up's last updates arrive before the counters are reset
            workers.reset();
            long cpuBefore = cpu(pids);
            long workersBefore = workers.cpuMillis();
            long self = selfCpuMillis();
            long start = System.nanoTime();
            long sent = publisher.run(rate, duration);
            double seconds = (System.nanoTime() - start) / 1e9;
            Thread.sleep(Duration.parse("PT" + options.getOrDefault("drain", "5s")));
            Workers.Report report = workers.report();
            System.out.printf(
                    "produced: %d in %.1f s (%.0f/s), acknowledged %d, failed %d%n",
                    sent, seconds, sent / seconds, publisher.acknowledged(), publisher.failed());
            System.out.printf(
                    "deliveries: %d of %d expected (%d subscribers open, %d dropped)%n",
                    report.events(), sent * open, report.open(), report.failed());
            System.out.printf(
                    "CPU for %.1f s of publishing and the drain (%s): hubs %.1f s, subscriber processes "
                            + "%.1f s, producer (this process) %.1f s%n",
                    seconds,
                    options.getOrDefault("drain", "5s"),
                    (cpu(pids) - cpuBefore) / 1000.0,
                    (workers.cpuMillis() - workersBefore) / 1000.0,
                    (selfCpuMillis() - self) / 1000.0);
            print("publish-to-receive latency, every delivery", report.latencies());
        }
    }

    private static void failover(
            Map<String, String> options,
            List<String> hubs,
            String bootstrap,
            String kafkaTopic,
            List<String> sources,
            String heap)
            throws Exception {
        int perHub = Integer.parseInt(options.getOrDefault("subscribers", "10000"));
        int processesPerHub = Integer.parseInt(options.getOrDefault("processes-per-hub", "2"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "100"));
        Duration duration = Duration.parse("PT" + options.getOrDefault("duration", "40s"));
        Duration killAfter = Duration.parse("PT" + options.getOrDefault("kill-after", "10s"));
        long killPid = Long.parseLong(options.get("kill-pid"));
        // the first --loaded hubs carry the subscribers; the others (spares) take only reconnections
        int loaded = Integer.parseInt(options.getOrDefault("loaded", String.valueOf(hubs.size())));
        int processes = processesPerHub * loaded;
        try (Workers workers = new Workers(
                        processes,
                        perHub * loaded,
                        p -> "--urls="
                                + String.join(
                                        ",",
                                        java.util.stream.IntStream.range(0, hubs.size())
                                                .mapToObj(h -> subscription(hubs.get((p % loaded + h) % hubs.size())))
                                                .toList()),
                        sources,
                        heap,
                        FailoverWorker.class);
                KafkaRatePublisher publisher =
                        new KafkaRatePublisher(bootstrap, kafkaTopic, RunTopics.of("failover"))) {
            int open = workers.awaitReady(1800);
            System.out.printf(
                    "subscribers open: %d over %d hubs (%d more as spares)%n", open, loaded, hubs.size() - loaded);
            long sent = publisher.run(rate, killAfter);
            ProcessHandle.of(killPid).ifPresent(ProcessHandle::destroyForcibly);
            long killedAt = System.nanoTime();
            System.out.printf("killed hub pid %d (SIGKILL) after %d updates%n", killPid, sent);
            sent += publisher.run(rate, duration.minus(killAfter));
            Thread.sleep(Duration.parse("PT" + options.getOrDefault("drain", "10s")));
            long published = publisher.nextId() - 1;
            long subscribers = 0;
            long complete = 0;
            long missing = 0;
            long repeated = 0;
            long reconnections = 0;
            Histogram gaps = new Histogram(3);
            List<String> behind = new java.util.ArrayList<>();
            for (String line : workers.ask("REPORT " + published, "REPORT", 120)) {
                String[] parts = line.split(" ");
                subscribers += Long.parseLong(parts[1]);
                complete += Long.parseLong(parts[2]);
                missing += Long.parseLong(parts[3]);
                repeated += Long.parseLong(parts[4]);
                reconnections += Long.parseLong(parts[5]);
                gaps.add(Histogram.decodeFromCompressedByteBuffer(
                        ByteBuffer.wrap(Base64.getDecoder().decode(parts[6])), 0));
                behind.add(parts[7]);
            }
            System.out.printf(
                    "produced %d updates (acknowledged %d, failed %d) at %d/s; %.1f s since the kill%n",
                    published,
                    publisher.acknowledged(),
                    publisher.failed(),
                    rate,
                    (System.nanoTime() - killedAt) / 1e9);
            System.out.printf(
                    "subscribers: %d, with every update exactly once: %d; missing %d, repeated %d, "
                            + "reconnections %d%n",
                    subscribers, complete, missing, repeated, reconnections);
            print("time without updates, from losing the stream to the first update after reconnecting", gaps);
            System.out.printf(
                    "not receiving since they lost their stream, per worker (phase of the latest attempt@hub): %s%n",
                    String.join(" | ", behind));
        }
    }

    private static long selfCpuMillis() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(Duration::toMillis)
                .orElse(0L);
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
}
