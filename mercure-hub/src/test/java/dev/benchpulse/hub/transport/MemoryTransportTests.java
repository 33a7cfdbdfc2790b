package dev.benchpulse.hub.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.hub.settings.HubProperties;
import dev.benchpulse.hub.update.Update;
import dev.benchpulse.hub.update.UpdateHistory;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The in-memory transport: one order for every update, batches from one thread, replay bounded by a position. */
class MemoryTransportTests {

    private final MemoryTransport transport = new MemoryTransport(new HubProperties(
            null,
            null,
            false,
            false,
            List.of(),
            List.of(),
            Duration.ofSeconds(40),
            100,
            "c",
            null,
            null,
            List.of(),
            HubProperties.TransportKind.MEMORY,
            null));

    @AfterEach
    void close() {
        transport.close();
    }

    private static Update update(String id) {
        return new Update(id, List.of("t"), null, false, null, null);
    }

    @Test
    void an_id_still_kept_is_not_accepted_again() {
        assertThat(transport.append(update("a")).join()).isTrue();
        assertThat(transport.append(update("a")).join()).isFalse();
        assertThat(transport.lastId()).isEqualTo("a");
    }

    @Test
    void every_update_reaches_the_receiver_once_in_order_in_batches_from_one_thread() throws Exception {
        Queue<String> received = new ConcurrentLinkedQueue<>();
        Queue<Long> ends = new ConcurrentLinkedQueue<>();
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        transport.start(batch -> {
            threads.add(Thread.currentThread());
            ends.add(batch.end());
            batch.updates().forEach(accepted -> received.add(accepted.update().id()));
        });

        Thread other = Thread.ofPlatform()
                .start(() -> IntStream.range(0, 500).forEach(i -> transport.append(update("o" + i))));
        IntStream.range(0, 500).forEach(i -> transport.append(update("m" + i)));
        other.join();

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1_000);
        assertThat(received).doesNotHaveDuplicates();
        assertThat(received.stream().filter(id -> id.startsWith("m")).toList())
                .isEqualTo(IntStream.range(0, 500).mapToObj(i -> "m" + i).toList());
        assertThat(List.copyOf(ends)).isSorted().last().isEqualTo(1_000L);
        assertThat(threads).hasSize(1);
    }

    @Test
    void a_subscriber_resumes_after_its_last_event_id_or_at_the_oldest_kept_update_when_it_is_unknown() {
        assertThat(transport.resume(null).join()).isEqualTo(new Transport.Resume(0, UpdateHistory.EARLIEST));
        List.of("a", "b", "c", "d").forEach(id -> transport.append(update(id)));

        assertThat(transport.resume("b").join()).isEqualTo(new Transport.Resume(2, "b"));
        assertThat(transport.resume(UpdateHistory.EARLIEST).join())
                .isEqualTo(new Transport.Resume(0, UpdateHistory.EARLIEST));
        assertThat(transport.resume("unknown").join()).isEqualTo(new Transport.Resume(0, UpdateHistory.EARLIEST));
        assertThat(transport.resume(null).join()).isEqualTo(new Transport.Resume(4, "d"));
    }

    @Test
    void a_replay_covers_the_kept_updates_between_two_positions() {
        List.of("a", "b", "c", "d").forEach(id -> transport.append(update(id)));

        assertThat(transport.replay(0, 2)).extracting(Update::id).containsExactly("a", "b");
        assertThat(transport.replay(1, 3)).extracting(Update::id).containsExactly("b", "c");
        assertThat(transport.replay(4, 4)).isEmpty();
        assertThat(transport.replay(0, 10)).extracting(Update::id).containsExactly("a", "b", "c", "d");
    }
}
