package dev.benchpulse.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The hub's one heartbeat timer: comments reach the idle streams of every event loop. */
class HeartbeatsTests {

    private final Dispatcher dispatcher = new Dispatcher(
            Fixtures.metrics(),
            Fixtures.properties(0, 10),
            new dev.benchpulse.hub.transport.MemoryTransport(Fixtures.properties(0, 10)));
    private final Heartbeats heartbeats =
            new Heartbeats(dispatcher, Fixtures.properties(0, 10, Duration.ofMillis(100)));
    private final ExecutorService loop = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        heartbeats.stop();
        loop.shutdownNow();
    }

    @Test
    void idle_streams_of_every_loop_receive_comments() {
        Queue<String> first = subscribe(Runnable::run);
        Queue<String> second = subscribe(loop);

        heartbeats.start();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(first).hasSizeGreaterThanOrEqualTo(2).allMatch(":\n\n"::equals);
            assertThat(second).hasSizeGreaterThanOrEqualTo(2).allMatch(":\n\n"::equals);
        });
    }

    private Queue<String> subscribe(Executor loop) {
        Subscriber subscriber = new Subscriber(Fixtures.selectors("*"), null, 10, loop, 0);
        dispatcher.group(loop).join(subscriber).block(Duration.ofSeconds(5));
        return Fixtures.record(subscriber.sink.asFlux());
    }
}
