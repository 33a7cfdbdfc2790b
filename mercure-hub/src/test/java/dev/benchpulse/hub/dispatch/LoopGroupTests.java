package dev.benchpulse.hub.dispatch;

import static dev.benchpulse.hub.dispatch.Fixtures.ids;
import static dev.benchpulse.hub.dispatch.Fixtures.record;
import static dev.benchpulse.hub.dispatch.Fixtures.selectors;
import static dev.benchpulse.hub.dispatch.Fixtures.update;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.hub.transport.Transport.Accepted;
import dev.benchpulse.hub.transport.Transport.Batch;
import dev.benchpulse.hub.update.Update;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * The subscribers of one event loop, with the loop replaced by the calling thread: what each subscriber is sent per
 * batch, where a joining subscriber's live updates start, slow subscribers, heartbeats and the end of the streams.
 */
class LoopGroupTests {

    private static final Executor CALLER = Runnable::run;

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final LoopGroup group = new LoopGroup(CALLER, 7, new HubMetrics(meters), 4);

    private static Subscriber subscriber(String... selectors) {
        return new Subscriber(selectors(selectors), null, 4, CALLER, 0);
    }

    /** The updates at the positions just before {@code end}. */
    private static Batch batch(long end, Update... updates) {
        List<Accepted> accepted = new ArrayList<>();
        for (int i = 0; i < updates.length; i++) {
            accepted.add(new Accepted(updates[i], end - updates.length + i, System.nanoTime()));
        }
        return new Batch(accepted, end);
    }

    private Queue<String> joined(Subscriber subscriber) {
        group.join(subscriber).block();
        return record(subscriber.sink.asFlux());
    }

    @Test
    void each_subscriber_is_sent_the_updates_it_selects_in_one_buffer_per_batch() {
        Queue<String> books = joined(subscriber("https://example.com/books/{id}"));
        Queue<String> everything = joined(subscriber("*"));

        group.deliver(
                batch(
                        10,
                        update("a", "https://example.com/books/1"),
                        update("b", "https://example.com/authors/1"),
                        update("c", "https://example.com/books/2")),
                () -> {});

        assertThat(books).hasSize(1);
        assertThat(ids(books)).containsExactly("a", "c");
        assertThat(everything).hasSize(1);
        assertThat(ids(everything)).containsExactly("a", "b", "c");
    }

    @Test
    void subscribers_that_take_every_update_of_a_batch_are_sent_one_contiguous_copy_of_its_frames() {
        List<ByteBuf> first = new ArrayList<>();
        List<ByteBuf> second = new ArrayList<>();
        Subscriber one = subscriber("*");
        Subscriber other = subscriber("https://example.com/books/{id}");
        group.join(one).block();
        group.join(other).block();
        one.sink.asFlux().subscribe(first::add);
        other.sink.asFlux().subscribe(second::add);

        group.deliver(
                batch(10, update("a", "https://example.com/books/1"), update("b", "https://example.com/books/2")),
                () -> {});

        assertThat(first).singleElement().satisfies(frame -> {
            assertThat(frame.nioBufferCount())
                    .as("one buffer for the whole batch")
                    .isEqualTo(1);
            assertThat(frame.toString(StandardCharsets.UTF_8))
                    .isEqualTo(second.getFirst().toString(StandardCharsets.UTF_8))
                    .startsWith("id: a\n")
                    .contains("id: b\n");
        });
    }

    @Test
    void a_subscriber_joins_between_two_batches_and_learns_where_its_live_updates_start() {
        assertThat(group.join(subscriber("*")).block()).isEqualTo(7);

        group.deliver(batch(9, update("a", "t"), update("b", "t")), () -> {});
        Subscriber late = subscriber("*");
        Long liveFrom = group.join(late).block();
        Queue<String> frames = record(late.sink.asFlux());
        group.deliver(batch(10, update("c", "t")), () -> {});

        assertThat(liveFrom).isEqualTo(9);
        assertThat(ids(frames)).containsExactly("c");
    }

    @Test
    void updates_before_the_first_one_a_subscriber_is_owed_are_not_sent_live() {
        // it saw the update at position 8 last, and joined before the batch holding it was dispatched
        Subscriber resumed = new Subscriber(selectors("*"), null, 4, CALLER, 9);
        Queue<String> frames = joined(resumed);

        group.deliver(batch(10, update("a", "t"), update("b", "t"), update("c", "t")), () -> {});

        assertThat(ids(frames)).containsExactly("c");
    }

    @Test
    void a_subscriber_that_falls_behind_its_buffer_is_closed_while_the_others_keep_receiving() {
        Subscriber stalled = subscriber("*");
        group.join(stalled).block();
        Queue<String> reader = joined(subscriber("*"));

        for (int i = 0; i < 6; i++) {
            group.deliver(batch(8 + i, update("u" + i, "t")), () -> {});
        }
        Queue<String> stalledFrames = record(stalled.sink.asFlux());

        assertThat(ids(reader)).containsExactly("u0", "u1", "u2", "u3", "u4", "u5");
        assertThat(stalledFrames).last().asString().startsWith("error: The subscriber fell 4 updates behind");
        assertThat(meters.counter("mercure.subscribers.slow").count()).isEqualTo(1);
    }

    @Test
    void a_subscriber_that_left_is_sent_nothing_more() {
        Subscriber leaving = subscriber("*");
        Queue<String> frames = joined(leaving);

        group.leave(leaving);
        group.deliver(batch(8, update("a", "t")), () -> {});

        assertThat(frames).isEmpty();
    }

    @Test
    void a_heartbeat_goes_to_subscribers_sent_nothing_for_the_period_only() {
        Queue<String> idle = joined(subscriber("idle"));
        Queue<String> busy = joined(subscriber("busy"));
        group.deliver(batch(8, update("a", "busy")), () -> {});

        group.heartbeat(Duration.ofHours(1));
        assertThat(idle).isEmpty();
        group.heartbeat(Duration.ZERO);

        assertThat(idle).containsExactly(":\n\n");
        assertThat(busy).hasSize(2).last().isEqualTo(":\n\n");
    }

    @Test
    void closing_ends_every_stream_and_a_subscriber_joining_afterwards_ends_at_once() {
        Queue<String> open = joined(subscriber("*"));

        group.close();
        Queue<String> late = joined(subscriber("*"));

        assertThat(open).containsExactly("complete");
        assertThat(late).containsExactly("complete");
    }

    @Test
    void the_delivered_callback_runs_once_per_batch_even_with_no_subscriber() {
        int[] delivered = new int[1];

        group.deliver(batch(8, update("a", "t")), () -> delivered[0]++);

        assertThat(delivered[0]).isEqualTo(1);
        assertThat(List.of(group.join(subscriber("*")).block())).containsExactly(8L);
    }
}
