package dev.benchpulse.notifier.relay;

import static dev.benchpulse.notifier.update.UpdateType.COMPLETED;
import static dev.benchpulse.notifier.update.UpdateType.FAILED;
import static dev.benchpulse.notifier.update.UpdateType.PROGRESS;
import static dev.benchpulse.notifier.update.UpdateType.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.notifier.metrics.NotifierMetrics;
import dev.benchpulse.notifier.update.UpdateType;
import dev.benchpulse.testsupport.RunEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.test.scheduler.VirtualTimeScheduler;

class RunRelaysTests {

    private static final int MAX_PER_SECOND = 10;

    private final VirtualTimeScheduler time = VirtualTimeScheduler.create();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FakeHub hub = new FakeHub(time);
    private final RunRelays relays = new RunRelays(new RelaySettings(
            hub, time, new NotifierMetrics(registry), MAX_PER_SECOND, Duration.ofSeconds(1), Duration.ofMinutes(10)));
    private final List<AtomicBoolean> settlements = new ArrayList<>();

    @AfterEach
    void close() {
        relays.close();
        time.dispose();
    }

    @Test
    void relays_a_run_in_event_order_one_update_at_a_time() {
        RunEvents run = RunEvents.of("fib", "php-8.2", 3);

        offer(run.started());
        for (int i = 0; i < 3; i++) {
            offer(run.progress(100));
            time.advanceTimeBy(Duration.ofMillis(200));
        }
        offer(run.completed());
        time.advanceTimeBy(Duration.ofSeconds(1));

        assertThat(types(hub.received())).containsExactly(STARTED, PROGRESS, PROGRESS, PROGRESS, COMPLETED);
        assertThat(iterations(hub.received())).containsExactly(0, 1, 2, 3, 3);
        assertThat(hub.maxInFlightPerRun()).isEqualTo(1);
        assertThat(settlements).allMatch(AtomicBoolean::get);
    }

    @Nested
    class Throttle {

        @Test
        void sends_at_most_the_configured_progress_updates_per_second_per_run_coalesced_to_the_newest() {
            // Given three runs producing a sample every millisecond for two seconds
            List<RunEvents> runs = List.of(
                    RunEvents.of("a", "php", 2000), RunEvents.of("b", "php", 2000), RunEvents.of("c", "php", 2000));
            runs.forEach(run -> offer(run.started()));
            for (int i = 0; i < 2000; i++) {
                runs.forEach(run -> offer(run.progress(42)));
                time.advanceTimeBy(Duration.ofMillis(1));
            }
            runs.forEach(run -> offer(run.completed()));
            time.advanceTimeBy(Duration.ofSeconds(1));

            for (RunEvents run : runs) {
                List<FakeHub.Received> received = hub.receivedOn(RunTopics.of(run.runId()));
                List<FakeHub.Received> progress =
                        received.stream().filter(r -> r.type() == PROGRESS).toList();
                // Then no second holds more than the maximum, the 100% one included
                assertThat(maxInAnySecond(progress)).isLessThanOrEqualTo(MAX_PER_SECOND);
                assertThat(progress.size()).isGreaterThanOrEqualTo(2 * (MAX_PER_SECOND - 1));
                // And the run ends with the 100% progress update then completed
                assertThat(types(received)).startsWith(STARTED).endsWith(PROGRESS, COMPLETED);
                assertThat(received.get(received.size() - 2).update().data().progress())
                        .isEqualTo(100);
                assertThat(iterations(progress)).isSorted();
            }
            double sent = registry.counter(NotifierMetrics.PUBLISHED, "type", "benchmark.progress")
                    .count();
            assertThat(registry.counter(NotifierMetrics.COALESCED).count()).isEqualTo(3 * 2000 - sent);
            assertThat(settlements).allMatch(AtomicBoolean::get);
        }

        @Test
        void never_holds_back_started_or_a_terminal_update() {
            RunEvents run = RunEvents.of("fib", "php-8.2", 3);
            offer(run.started());
            offer(run.progress(1));
            time.advanceTimeBy(Duration.ofMillis(20));

            // When a progress update must wait for its slot and the run fails right after it
            offer(run.progress(1));
            time.advanceTimeBy(Duration.ofMillis(5));
            offer(run.failed(FailureReason.TIMEOUT, "too slow"));
            time.advanceTimeBy(Duration.ofMillis(10));

            // Then the waiting progress update and the failure went out at once, in order
            List<FakeHub.Received> received = hub.received();
            assertThat(types(received)).containsExactly(STARTED, PROGRESS, PROGRESS, FAILED);
            assertThat(received.get(3).sentAtMillis() - received.get(1).sentAtMillis())
                    .isLessThan(40);
        }

        @Test
        void drops_a_waiting_progress_update_of_an_attempt_that_was_superseded() {
            RunEvents run = RunEvents.of("fib", "php-8.2", 3);
            offer(run.started());
            offer(run.progress(1));
            time.advanceTimeBy(Duration.ofMillis(20));
            offer(run.progress(1));

            run.newAttempt();
            offer(run.started());
            time.advanceTimeBy(Duration.ofSeconds(1));

            assertThat(types(hub.received())).containsExactly(STARTED, PROGRESS, STARTED);
            assertThat(settlements).allMatch(AtomicBoolean::get);
        }
    }

    @Nested
    class HubOutage {

        @Test
        void keeps_the_end_of_a_run_and_delivers_it_once_the_hub_is_back() {
            RunEvents run = RunEvents.of("fib", "php-8.2", 2);
            offer(run.started());
            time.advanceTimeBy(Duration.ofMillis(10));

            hub.down();
            offer(run.progress(1));
            offer(run.progress(1));
            offer(run.completed());
            time.advanceTimeBy(Duration.ofMinutes(5));
            assertThat(types(hub.received())).containsExactly(STARTED);
            // the first progress update was coalesced into the second; the rest waits, uncommitted
            assertThat(settlements.get(1)).isTrue();
            assertThat(settlements.subList(2, 4)).noneMatch(AtomicBoolean::get);

            hub.up();
            time.advanceTimeBy(Duration.ofSeconds(2));

            assertThat(types(hub.received())).containsExactly(STARTED, PROGRESS, COMPLETED);
            assertThat(hub.received().get(1).update().data().progress()).isEqualTo(100);
            assertThat(settlements).allMatch(AtomicBoolean::get);
            assertThat(relays.activeRuns()).isZero();
            assertThat(registry.counter(NotifierMetrics.FAILED).count()).isPositive();
        }

        @Test
        void coalesces_progress_while_the_hub_is_down() {
            RunEvents run = RunEvents.of("fib", "php-8.2", 50);
            offer(run.started());
            time.advanceTimeBy(Duration.ofMillis(10));

            hub.down();
            for (int i = 0; i < 50; i++) {
                offer(run.progress(i));
                time.advanceTimeBy(Duration.ofMillis(100));
            }
            hub.up();
            time.advanceTimeBy(Duration.ofSeconds(2));

            List<FakeHub.Received> progress =
                    hub.received().stream().filter(r -> r.type() == PROGRESS).toList();
            assertThat(iterations(progress)).containsExactly(50);
            assertThat(registry.counter(NotifierMetrics.COALESCED).count()).isEqualTo(49);
            assertThat(settlements).allMatch(AtomicBoolean::get);
        }

        @Test
        void replaces_a_failed_progress_update_with_the_newer_one_that_waited_behind_it() {
            RunEvents run = RunEvents.of("fib", "php-8.2", 2);
            offer(run.started());
            time.advanceTimeBy(Duration.ofMillis(10));
            hub.down(Duration.ofMillis(500));

            offer(run.progress(1));
            time.advanceTimeBy(Duration.ofMillis(100));
            offer(run.progress(1));
            time.advanceTimeBy(Duration.ofMillis(600));
            hub.up();
            time.advanceTimeBy(Duration.ofSeconds(2));

            assertThat(types(hub.received())).containsExactly(STARTED, PROGRESS);
            assertThat(iterations(hub.received())).containsExactly(0, 2);
            assertThat(registry.counter(NotifierMetrics.COALESCED).count()).isEqualTo(1);
            assertThat(settlements).allMatch(AtomicBoolean::get);
        }

        @Test
        void drops_an_update_the_hub_rejects_for_good_and_moves_on() {
            RunEvents run = RunEvents.of("fib", "php-8.2", 1);
            hub.rejectWhen(update -> update.type() == STARTED);

            offer(run.started());
            offer(run.progress(1));
            offer(run.completed());
            time.advanceTimeBy(Duration.ofSeconds(1));

            assertThat(types(hub.received())).containsExactly(PROGRESS, COMPLETED);
            assertThat(settlements).allMatch(AtomicBoolean::get);
        }
    }

    @Nested
    class ProgressLimit {

        private final RunRelays limited = new RunRelays(new RelaySettings(
                hub,
                time,
                new NotifierMetrics(registry),
                MAX_PER_SECOND,
                Duration.ofSeconds(1),
                Duration.ofMinutes(10),
                ProgressLimiter.fixed(1, time)));

        @AfterEach
        void closeLimited() {
            limited.close();
        }

        @Test
        void keeps_progress_updates_of_all_runs_within_the_limit_and_still_delivers_each_runs_last_one() {
            List<RunEvents> runs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                runs.add(RunEvents.of("run-" + i, "php-8.2", 50));
            }
            runs.forEach(run -> offer(limited, run.started()));
            for (int i = 0; i < 50; i++) {
                runs.forEach(run -> offer(limited, run.progress(100)));
                time.advanceTimeBy(Duration.ofMillis(10));
            }
            assertThat(hub.maxProgressInFlight()).isEqualTo(1);
            // each run's newest progress update, still waiting for a permit, goes at once ahead of its completed one
            runs.forEach(run -> offer(limited, run.completed()));
            time.advanceTimeBy(Duration.ofSeconds(1));

            for (RunEvents run : runs) {
                List<FakeHub.Received> received = hub.receivedOn(RunTopics.of(run.runId()));
                assertThat(types(received)).startsWith(STARTED).endsWith(PROGRESS, COMPLETED);
                assertThat(iterations(received)).endsWith(50, 50);
            }
            assertThat(settlements).allMatch(AtomicBoolean::get);
        }

        @Test
        void never_holds_back_started_and_terminal_updates_and_wakes_a_waiting_run_when_a_permit_returns() {
            RunEvents a = RunEvents.of("a", "php-8.2", 2);
            RunEvents b = RunEvents.of("b", "php-8.2", 2);
            RunEvents c = RunEvents.of("c", "php-8.2", 2);
            offer(limited, a.started());
            offer(limited, b.started());
            time.advanceTimeBy(Duration.ofMillis(100));
            long now = time.now(TimeUnit.MILLISECONDS);

            // a's progress takes the only permit; b's progress waits for it; c's started and completed do not
            offer(limited, a.progress(100));
            offer(limited, b.progress(100));
            offer(limited, c.started());
            time.advanceTimeBy(Duration.ofMillis(50));

            assertThat(sentAt(c, STARTED)).isEqualTo(now);
            assertThat(sentAt(a, PROGRESS)).isEqualTo(now);
            assertThat(sentAt(b, PROGRESS)).isEqualTo(now + 2);
            offer(limited, c.completed());
            time.advanceTimeBy(Duration.ofMillis(50));
            assertThat(types(hub.receivedOn(RunTopics.of(c.runId())))).containsExactly(STARTED, COMPLETED);
        }

        @Test
        void gets_its_permit_back_from_a_progress_update_the_hub_rejected() {
            RunEvents a = RunEvents.of("a", "php-8.2", 2);
            RunEvents b = RunEvents.of("b", "php-8.2", 2);
            hub.rejectWhen(update -> update.topic().equals(RunTopics.of(a.runId())) && update.type() == PROGRESS);
            offer(limited, a.started());
            offer(limited, b.started());
            time.advanceTimeBy(Duration.ofMillis(100));

            offer(limited, a.progress(100));
            time.advanceTimeBy(Duration.ofMillis(100));
            offer(limited, b.progress(100));
            time.advanceTimeBy(Duration.ofMillis(100));

            assertThat(types(hub.receivedOn(RunTopics.of(b.runId())))).containsExactly(STARTED, PROGRESS);
        }

        private long sentAt(RunEvents run, UpdateType type) {
            return hub.receivedOn(RunTopics.of(run.runId())).stream()
                    .filter(r -> r.type() == type)
                    .findFirst()
                    .orElseThrow()
                    .sentAtMillis();
        }
    }

    @Nested
    class RunState {

        @Test
        void is_dropped_once_the_terminal_update_was_delivered() {
            RunEvents run = RunEvents.of("fib", "php-8.2", 1);
            offer(run.started());
            time.advanceTimeBy(Duration.ofMillis(10));
            assertThat(relays.activeRuns()).isEqualTo(1);

            offer(run.completed());
            time.advanceTimeBy(Duration.ofMillis(10));

            assertThat(relays.activeRuns()).isZero();
        }

        @Test
        void is_dropped_after_the_idle_timeout_when_the_terminal_event_never_comes() {
            offer(RunEvents.of("fib", "php-8.2", 1).started());
            time.advanceTimeBy(Duration.ofMinutes(9));
            assertThat(relays.activeRuns()).isEqualTo(1);

            time.advanceTimeBy(Duration.ofMinutes(7));

            assertThat(relays.activeRuns()).isZero();
        }

        @Test
        void is_kept_past_the_idle_timeout_while_an_update_waits_for_the_hub() {
            hub.down();
            offer(RunEvents.of("fib", "php-8.2", 1).completed());

            time.advanceTimeBy(Duration.ofMinutes(30));

            assertThat(relays.activeRuns()).isEqualTo(1);
            hub.up();
            time.advanceTimeBy(Duration.ofSeconds(2));
            assertThat(types(hub.received())).containsExactly(COMPLETED);
            assertThat(relays.activeRuns()).isZero();
        }
    }

    @Test
    void stops_publishing_and_leaves_undelivered_events_unsettled_when_closed() {
        RunEvents run = RunEvents.of("fib", "php-8.2", 2);
        offer(run.started());
        offer(run.progress(1));

        relays.close();
        time.advanceTimeBy(Duration.ofSeconds(5));

        assertThat(hub.received()).isEmpty();
        assertThat(settlements).noneMatch(AtomicBoolean::get);
    }

    private void offer(SpecificRecord event) {
        offer(relays, event);
    }

    private void offer(RunRelays target, SpecificRecord event) {
        AtomicBoolean settled = new AtomicBoolean();
        settlements.add(settled);
        target.accept(
                event,
                () -> assertThat(settled.getAndSet(true)).as("settled once").isFalse());
    }

    private static List<UpdateType> types(List<FakeHub.Received> received) {
        return received.stream().map(FakeHub.Received::type).toList();
    }

    private static List<Integer> iterations(List<FakeHub.Received> received) {
        return received.stream().map(r -> r.update().data().currentIteration()).toList();
    }

    private static int maxInAnySecond(List<FakeHub.Received> received) {
        int max = 0;
        for (int first = 0; first < received.size(); first++) {
            int last = first;
            while (last < received.size()
                    && received.get(last).sentAtMillis() < received.get(first).sentAtMillis() + 1000) {
                last++;
            }
            max = Math.max(max, last - first);
        }
        return max;
    }
}
