package dev.benchpulse.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.hub.testing.MercureHubTestServer;
import dev.benchpulse.hub.testing.MercureTokens;
import dev.benchpulse.testsupport.SseRecorder;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The hostile subscription of issue 14 against a hub in a process of its own: after some updates, subscriptions
 * whose templates are 10 to 14 adjacent expressions, replaying the history, are served while another subscriber of
 * {@code *} still receives a new update within 2 s and publishing is answered; once they close, the hub's CPU time
 * stops growing. A backtracking matcher under a hub-wide lock froze the hub for minutes with one of them.
 */
class HostileSubscriptionsIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String KEY = MercureTokens.randomSecret();
    private static final double TICKS_PER_SECOND = 100;

    private static Process hub;
    private static String hubUrl;
    private static Path log;

    /** Starts the hub (anonymous subscribers allowed, default limits) and blocks until the process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        MercureHubTestServer.builder()
                .publisherKey(args[0])
                .subscriberKey(args[0])
                .anonymous(true)
                .port(Integer.parseInt(args[1]))
                .start();
        Thread.currentThread().join();
    }

    @BeforeAll
    static void start_the_hub_in_a_process_of_its_own() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = Files.createTempFile("hostile-hub", ".log");
        hub = new ProcessBuilder(
                        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        HostileSubscriptionsIntegrationTests.class.getName(),
                        KEY,
                        String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        hubUrl = "http://127.0.0.1:" + port + "/.well-known/mercure";
        String health = "http://127.0.0.1:" + port + "/actuator/health";
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().untilAsserted(() -> {
            assertThat(hub.isAlive()).as("hub process (log: %s)", log).isTrue();
            assertThat(WebClient.create()
                            .get()
                            .uri(health)
                            .retrieve()
                            .bodyToMono(String.class)
                            .block(WAIT))
                    .contains("UP");
        });
    }

    @AfterAll
    static void stop_the_hub() throws InterruptedException {
        if (hub != null) {
            hub.destroy();
            if (!hub.waitFor(10, TimeUnit.SECONDS)) {
                hub.destroyForcibly();
            }
        }
    }

    private static URI subscription(String topic) {
        return UriComponentsBuilder.fromUriString(hubUrl)
                .queryParam("topic", "{topic}")
                .encode()
                .buildAndExpand(topic)
                .toUri();
    }

    /** {@code {+v0}{+v1}…!}: adjacent expressions that can all match the same characters, then a literal. */
    private static String hostile(int expressions) {
        StringBuilder template = new StringBuilder();
        for (int i = 0; i < expressions; i++) {
            template.append("{+v").append(i).append('}');
        }
        return template.append('!').toString();
    }

    /** User plus system CPU time of the hub process, in clock ticks ({@code USER_HZ}, 100 on Linux). */
    private static long cpuTicks() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + hub.pid() + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    @Test
    void hostile_subscriptions_replaying_the_history_hold_up_nobody_and_leave_the_hub_idle_once_closed()
            throws Exception {
        Publisher publisher = new Publisher(hubUrl);
        String token = MercureTokens.hmac(KEY).publisher("*");
        for (int i = 0; i < 5; i++) {
            publisher.publishOk(token, "topic", RunTopics.of(UUID.randomUUID()), "data", "before " + i);
        }
        List<SseRecorder> hostile = new ArrayList<>();
        try (SseRecorder everything = SseRecorder.subscribe(subscription("*"), headers -> {})) {
            assertThat(everything.awaitStatus(WAIT)).isEqualTo(HttpStatus.OK);
            for (int expressions = 10; expressions <= 14; expressions += 2) {
                SseRecorder recorder = SseRecorder.subscribe(
                        subscription(hostile(expressions)), headers -> headers.set("Last-Event-ID", "earliest"));
                hostile.add(recorder);
                assertThat(recorder.awaitStatus(WAIT)).isEqualTo(HttpStatus.OK);
            }

            long start = System.nanoTime();
            ResponseEntity<String> answer =
                    publisher.publish(token, Publisher.form("topic", RunTopics.of(UUID.randomUUID()), "data", "after"));
            await().atMost(Duration.ofSeconds(2)).until(() -> everything.data().contains("after"));
            Duration delivered = Duration.ofNanos(System.nanoTime() - start);

            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(delivered).isLessThan(Duration.ofSeconds(2));
            // within the limits every selector is served: a topic the templates match reaches them
            publisher.publishOk(token, "topic", RunTopics.of("1!"), "data", "for the templates");
            for (SseRecorder recorder : hostile) {
                await().atMost(WAIT).until(() -> recorder.data().contains("for the templates"));
                assertThat(recorder.data()).containsExactly("for the templates");
            }
        } finally {
            hostile.forEach(SseRecorder::close);
        }

        // Idle: the hub spends less than a fifth of one core over two seconds (it spent all of it for minutes).
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(coresUsedOver(Duration.ofSeconds(2)))
                        .as("cores the hub used")
                        .isLessThan(0.2));
    }

    /** How many cores the hub process kept busy, on average, over a sampling window. */
    private static double coresUsedOver(Duration window) throws IOException {
        long ticks = cpuTicks();
        long start = System.nanoTime();
        while (System.nanoTime() - start < window.toNanos()) {
            LockSupport.parkNanos(window.toNanos() - (System.nanoTime() - start)); // the sampling window itself
        }
        return (cpuTicks() - ticks) / (double) TICKS_PER_SECOND / ((System.nanoTime() - start) / 1e9);
    }
}
