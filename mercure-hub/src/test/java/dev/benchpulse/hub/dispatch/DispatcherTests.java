package dev.benchpulse.hub.dispatch;

import static dev.benchpulse.hub.dispatch.Fixtures.ids;
import static dev.benchpulse.hub.dispatch.Fixtures.record;
import static dev.benchpulse.hub.dispatch.Fixtures.selectors;
import static dev.benchpulse.hub.dispatch.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.hub.transport.Transport.Accepted;
import dev.benchpulse.hub.transport.Transport.Batch;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The fan-out of batches to the groups of every event loop, with loops that run their tasks when the test says. */
class DispatcherTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Dispatcher dispatcher = new Dispatcher(
            new HubMetrics(meters),
            Fixtures.properties(10, 100),
            new dev.benchpulse.hub.transport.MemoryTransport(Fixtures.properties(10, 100)));

    /** An event loop that keeps its tasks until {@link #runAll()}. */
    private static final class HeldLoop implements Executor {

        private final List<Runnable> tasks = new ArrayList<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized void runAll() {
            while (!tasks.isEmpty()) {
                tasks.removeFirst().run();
            }
        }
    }

    private static Batch batch(long end, String... ids) {
        List<Accepted> updates = new ArrayList<>();
        for (String id : ids) {
            updates.add(new Accepted(update(id, "t"), end - ids.length + updates.size(), System.nanoTime()));
        }
        return new Batch(updates, end);
    }

    private static Queue<String> subscribe(LoopGroup group) {
        Subscriber subscriber = new Subscriber(selectors("*"), null, 100, group.loop, 0);
        group.join(subscriber).subscribe();
        return record(subscriber.sink.asFlux());
    }

    @Test
    void every_batch_reaches_the_subscribers_of_every_loop_in_order() {
        HeldLoop first = new HeldLoop();
        HeldLoop second = new HeldLoop();
        Queue<String> one = subscribe(dispatcher.group(first));
        Queue<String> two = subscribe(dispatcher.group(second));

        dispatcher.receive(batch(1, "a"));
        dispatcher.receive(batch(3, "b", "c"));
        first.runAll();
        second.runAll();

        assertThat(ids(one)).containsExactly("a", "b", "c");
        assertThat(ids(two)).containsExactly("a", "b", "c");
        assertThat(dispatcher.group(first)).isSameAs(dispatcher.group(first));
    }

    @Test
    void a_group_created_after_some_batches_starts_where_the_last_one_ended() {
        dispatcher.receive(batch(2, "a", "b"));
        HeldLoop loop = new HeldLoop();
        LoopGroup group = dispatcher.group(loop);
        List<Long> liveFrom = new ArrayList<>();
        group.join(new Subscriber(selectors("*"), null, 100, loop, 0)).subscribe(liveFrom::add);
        loop.runAll();

        assertThat(liveFrom).containsExactly(2L);
    }

    @Test
    void the_dispatch_latency_is_recorded_when_every_loop_has_queued_the_batch() {
        HeldLoop first = new HeldLoop();
        HeldLoop second = new HeldLoop();
        dispatcher.group(first);
        dispatcher.group(second);

        dispatcher.receive(batch(2, "a", "b"));
        first.runAll();
        long afterOne = meters.timer("mercure.dispatch.latency").count();
        second.runAll();

        assertThat(afterOne).isZero();
        assertThat(meters.timer("mercure.dispatch.latency").count()).isEqualTo(2);
    }

    @Test
    void after_closing_every_stream_ends_and_so_does_one_on_a_loop_first_used_later() {
        HeldLoop loop = new HeldLoop();
        Queue<String> open = subscribe(dispatcher.group(loop));

        dispatcher.close();
        HeldLoop later = new HeldLoop();
        Queue<String> late = subscribe(dispatcher.group(later));
        loop.runAll();
        later.runAll();

        assertThat(open).containsExactly("complete");
        assertThat(late).containsExactly("complete");
    }

    @Test
    void a_transport_that_reads_faster_than_the_loops_queue_waits_for_them_instead_of_piling_batches_up() {
        // unbounded, a Kafka topic read at full speed would fill the heap with batches the loops have not taken yet
        HeldLoop loop = new HeldLoop();
        dispatcher.group(loop);
        String[] full = new String[Dispatcher.MAX_IN_FLIGHT];
        for (int i = 0; i < full.length; i++) {
            full[i] = "u" + i;
        }
        dispatcher.receive(batch(full.length, full));
        java.util.concurrent.atomic.AtomicBoolean handedOver = new java.util.concurrent.atomic.AtomicBoolean();

        Thread.ofPlatform().start(() -> {
            dispatcher.receive(batch(full.length + 1, "one more"));
            handedOver.set(true);
        });

        // while the loop has not queued the first batch, the next one waits on the transport's thread
        org.awaitility.Awaitility.await()
                .during(java.time.Duration.ofMillis(500))
                .atMost(java.time.Duration.ofSeconds(5))
                .until(() -> !handedOver.get());
        loop.runAll();
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(5))
                .until(handedOver::get);
    }
}
