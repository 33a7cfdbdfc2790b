package dev.benchpulse.notifier.latency;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.notifier.NotifierServiceApplication;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Event-to-browser latency of the notifier: a real embedded Kafka broker, a real Mercure hub, the notifier service
 * and SSE subscribers in one JVM; events of many concurrent runs written at a fixed rate; latency from the producer
 * call to arrival at each subscriber. Not a test: run it with the command in docs/performance.md. Options
 * ({@code --name=value}): {@code runs} (100), {@code rate} events/s (1000), {@code subscribers} (10),
 * {@code warmup} s (240), {@code warmup-rate} events/s during the warm-up (the rate), {@code duration} s (30),
 * {@code max-progress} per run per second (10).
 * <p>
 * Everything shares one JVM and its JIT compilers. On a 2-core machine the C2 compiler is still working through its
 * queue minutes into a run at full rate (30-60 % of a core at 60-200 s: the saturated application leaves it little
 * CPU, and code not compiled yet keeps the application saturated), hence the long default warm-up; the report says
 * how much compilation still happened while measuring.
 */
public final class NotifierLatencyBenchmark {

    private NotifierLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "100"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "1000"));
        int subscriberCount = Integer.parseInt(options.getOrDefault("subscribers", "10"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "240"));
        int warmupRate = Integer.parseInt(options.getOrDefault("warmup-rate", Integer.toString(rate)));
        int duration = Integer.parseInt(options.getOrDefault("duration", "30"));
        int maxProgress = Integer.parseInt(options.getOrDefault("max-progress", "10"));
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        System.out.printf("load before: %s", Files.readString(Path.of("/proc/loadavg")));

        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6);
        broker.afterPropertiesSet();
        MercureHubTestServer hub = MercureHubTestServer.builder()
                .historySize(10_000)
                .property("logging.level.root", "WARN")
                .start();
        ConfigurableApplicationContext notifier = new SpringApplicationBuilder(NotifierServiceApplication.class)
                .run(
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.kafka.consumer.auto-offset-reset=earliest",
                        "--benchpulse.notifier.hub.url=" + hub.hubUrl(),
                        "--benchpulse.notifier.hub.jwt.key=" + hub.publisherKey(),
                        "--benchpulse.notifier.max-progress-per-second=" + maxProgress,
                        "--server.port=0",
                        "--logging.level.root=WARN",
                        "--spring.main.banner-mode=off");

        EventLoad load = new EventLoad(broker.getBrokersAsString(), 20, 80);
        LatencyRecorder recorder = new LatencyRecorder(load);
        String template = RunTopics.TEMPLATE;
        URI uri = URI.create(hub.hubUrl() + "?topic=" + URLEncoder.encode(template, StandardCharsets.UTF_8));
        List<LatencySubscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < subscriberCount; i++) {
            int index = i;
            LatencySubscriber subscriber = new LatencySubscriber(
                    uri, hub.subscriberToken(template), (id, data, nanos) -> recorder.received(index, id, data, nanos));
            subscriber.awaitConnected(Duration.ofSeconds(10));
            subscribers.add(subscriber);
        }

        long start = System.nanoTime();
        load.run(runs, warmupRate, start + Duration.ofSeconds(warmup).toNanos());
        Duration cpuAtStart = cpu();
        long jitAtStart = jitMillis();
        load.measuring(true);
        load.run(runs, rate, start + Duration.ofSeconds(warmup + duration).toNanos());
        load.measuring(false);
        Duration cpuUsed = cpu().minus(cpuAtStart);
        long jitUsed = jitMillis() - jitAtStart;
        sleep(Duration.ofSeconds(3));

        System.out.printf("load after: %s", Files.readString(Path.of("/proc/loadavg")));
        System.out.printf(
                "%d runs concurrently, %d events/s, %d subscribers on %s, %d s measured after %d s "
                        + "warm-up at %d events/s%n",
                runs, rate, subscriberCount, template, duration, warmup, warmupRate);
        System.out.printf(
                "CPU of the whole JVM (broker, hub, notifier, subscribers, generator) while measured: "
                        + "%.1f s in %d s = %.2f cores%n",
                cpuUsed.toMillis() / 1000.0, duration, cpuUsed.toMillis() / 1000.0 / duration);
        System.out.printf("JIT compilers' time while measured: %.1f s%n", jitUsed / 1000.0);
        recorder.report(System.out, subscriberCount, maxProgress);

        subscribers.forEach(LatencySubscriber::close);
        load.close();
        notifier.close();
        hub.close();
        broker.destroy();
        System.exit(0);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] parts = arg.replaceFirst("^--", "").split("=", 2);
            options.put(parts[0], parts.length > 1 ? parts[1] : "true");
        }
        return options;
    }

    private static long jitMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    private static Duration cpu() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
