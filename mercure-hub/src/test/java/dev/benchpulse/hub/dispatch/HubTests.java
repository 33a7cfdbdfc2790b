package dev.benchpulse.hub.dispatch;

import static dev.benchpulse.hub.dispatch.Fixtures.ids;
import static dev.benchpulse.hub.dispatch.Fixtures.record;
import static dev.benchpulse.hub.dispatch.Fixtures.selectors;
import static dev.benchpulse.hub.dispatch.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.hub.problem.HubException;
import dev.benchpulse.hub.settings.HubProperties;
import dev.benchpulse.hub.transport.MemoryTransport;
import dev.benchpulse.hub.transport.Transport;
import dev.benchpulse.hub.update.Update;
import dev.benchpulse.hub.update.UpdateHistory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/**
 * The hub's core without HTTP, on event loops of its own: a replay that takes its time holds up neither publishing
 * nor the dispatch to other subscribers (even on the same loop), and subscribers joining while updates pour in
 * miss nothing and see nothing twice across the replay/live boundary, in order.
 */
class HubTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final HubProperties properties = Fixtures.properties(5_000, 10_000);
    private final HeldTransport transport = new HeldTransport(new MemoryTransport(properties));
    private final HubMetrics metrics = Fixtures.metrics();
    private final Dispatcher dispatcher = new Dispatcher(metrics, properties, transport);
    private final Replays replays = new Replays(transport);
    private final Hub hub =
            new Hub(transport, dispatcher, replays, new SubscriberRegistry(metrics), metrics, properties);
    private final List<ExecutorService> loops = List.of(
            Executors.newSingleThreadExecutor(),
            Executors.newSingleThreadExecutor(),
            Executors.newSingleThreadExecutor());

    HubTests() {
        transport.start(dispatcher);
    }

    @AfterEach
    void stop() {
        transport.release();
        hub.close();
        transport.close();
        replays.destroy();
        loops.forEach(ExecutorService::shutdownNow);
    }

    private Queue<String> subscribe(String lastEventId, int loop) {
        return record(hub.subscribe(selectors("*"), null, lastEventId, loops.get(loop)).block().stream());
    }

    private static List<String> range(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add("u" + i);
        }
        return ids;
    }

    private void publish(List<String> ids) {
        ids.forEach(id -> assertThat(hub.publish(update(id, "t")).block()).isTrue());
    }

    @Test
    void a_replay_that_takes_its_time_holds_up_neither_publishing_nor_dispatch_to_others_on_the_same_loop() {
        publish(range(0, 5));
        Queue<String> other = subscribe(null, 0);
        publish(List.of("probe"));
        await().atMost(WAIT).until(() -> ids(other).contains("probe"));
        transport.hold();

        Queue<String> newcomer = subscribe(UpdateHistory.EARLIEST, 0);
        transport.awaitAsked();
        long start = System.nanoTime();
        publish(range(5, 10));
        long publishing = System.nanoTime() - start;

        await().atMost(WAIT)
                .untilAsserted(
                        () -> assertThat(ids(other)).endsWith(range(5, 10).toArray(String[]::new)));
        assertThat(publishing).isLessThan(TimeUnit.SECONDS.toNanos(2));
        assertThat(ids(newcomer)).isEmpty();
        transport.release();
        List<String> expected = new ArrayList<>(range(0, 5));
        expected.add("probe");
        expected.addAll(range(5, 10));
        await().atMost(WAIT).untilAsserted(() -> assertThat(ids(newcomer)).isEqualTo(expected));
    }

    @Test
    void subscribers_joining_while_updates_pour_in_miss_nothing_and_see_nothing_twice() {
        int total = 2_000;
        AtomicReference<String> lastPublished = new AtomicReference<>(UpdateHistory.EARLIEST);
        Thread publisher = Thread.ofPlatform().start(() -> {
            for (int i = 0; i < total; i++) {
                hub.publish(update("u" + i, "t")).block();
                lastPublished.set("u" + i);
                LockSupport.parkNanos(200_000); // a steady stream rather than one burst, so joins land within it
            }
        });
        List<String> asked = new ArrayList<>();
        List<Queue<String>> streams = new ArrayList<>();
        for (int s = 0; s < 40 && publisher.isAlive(); s++) {
            String last = lastPublished.get();
            asked.add(last);
            streams.add(subscribe(last, s % loops.size()));
            LockSupport.parkNanos(5_000_000);
        }

        await().atMost(WAIT).until(() -> !publisher.isAlive());
        assertThat(streams).hasSizeGreaterThan(5);
        for (int s = 0; s < streams.size(); s++) {
            String last = asked.get(s);
            int first = UpdateHistory.EARLIEST.equals(last) ? 0 : Integer.parseInt(last.substring(1)) + 1;
            Queue<String> stream = streams.get(s);
            await().atMost(WAIT).untilAsserted(() -> assertThat(ids(stream)).isEqualTo(range(first, total)));
        }
    }

    @Test
    void closing_ends_every_stream_and_refuses_new_subscriptions() {
        Queue<String> open = subscribe(null, 1);
        await().atMost(WAIT).until(() -> !open.isEmpty());

        hub.close();

        await().atMost(WAIT).untilAsserted(() -> assertThat(open).last().isEqualTo("complete"));
        assertThatThrownBy(() -> subscribe(null, 1))
                .isInstanceOfSatisfying(
                        HubException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE));
    }

    @Test
    void a_repeated_id_is_acknowledged_but_not_dispatched_again() {
        Queue<String> stream = subscribe(null, 2);

        assertThat(hub.publish(update("once", "t")).block()).isTrue();
        assertThat(hub.publish(update("once", "t")).block()).isFalse();
        publish(List.of("after"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(ids(stream)).containsExactly("once", "after"));
    }

    /** The in-memory transport, with replays that can be held back: a stand-in for a slow replay. */
    private static final class HeldTransport implements Transport {

        private final Transport delegate;
        private volatile CountDownLatch released = new CountDownLatch(0);
        private final CountDownLatch asked = new CountDownLatch(1);

        HeldTransport(Transport delegate) {
            this.delegate = delegate;
        }

        void hold() {
            released = new CountDownLatch(1);
        }

        void release() {
            released.countDown();
        }

        void awaitAsked() {
            try {
                assertThat(asked.await(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public Iterable<Update> replay(long from, long end) {
            CountDownLatch latch = released;
            if (latch.getCount() > 0) {
                asked.countDown();
                try {
                    latch.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return delegate.replay(from, end);
        }

        @Override
        public java.util.concurrent.CompletableFuture<Boolean> append(Update update) {
            return delegate.append(update);
        }

        @Override
        public void start(Receiver receiver) {
            delegate.start(receiver);
        }

        @Override
        public java.util.concurrent.CompletableFuture<Resume> resume(String lastEventId) {
            return delegate.resume(lastEventId);
        }

        @Override
        public long end() {
            return delegate.end();
        }

        @Override
        public String lastId() {
            return delegate.lastId();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
