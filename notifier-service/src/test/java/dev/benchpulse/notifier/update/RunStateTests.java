package dev.benchpulse.notifier.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.testsupport.RunEvents;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RunStateTests {

    private final RunEvents run = RunEvents.of("str-contains", "php-8.2", 4);
    private final RunState state = new RunState();

    @Test
    void puts_each_update_on_the_run_topic_with_the_event_id() {
        BenchmarkStarted started = run.started();

        MercureUpdate update = state.next(started);

        assertThat(update.topic()).isEqualTo(RunTopics.of(run.runId()));
        assertThat(update.id()).isEqualTo(started.getEventId().toString());
        assertThat(update.type()).isEqualTo(UpdateType.STARTED);
    }

    @Test
    void describes_a_started_run_at_zero_percent() {
        BenchmarkStarted started = run.started();

        UpdateData data = state.next(started).data();

        assertThat(data.type()).isEqualTo("benchmark.started");
        assertThat(data.benchmarkId()).isEqualTo("str-contains");
        assertThat(data.benchmarkName()).isEqualTo("str contains");
        assertThat(data.phpVersion()).isEqualTo("8.2.0");
        assertThat(data.runtime()).isEqualTo("php-8.2");
        assertThat(data.runId()).isEqualTo(run.runId().toString());
        assertThat(data.currentIteration()).isZero();
        assertThat(data.totalIterations()).isEqualTo(4);
        assertThat(data.progress()).isZero();
        assertThat(data.occurredAt()).isEqualTo(started.getOccurredAt().toEpochMilli());
        assertThat(data.statistics()).isNull();
        assertThat(data.reason()).isNull();
    }

    @Nested
    class Progress {

        @Test
        void carries_the_running_statistics_of_the_samples_so_far() {
            state.next(run.started());
            state.next(run.progress(100));
            state.next(run.progress(300));

            UpdateData data = state.next(run.progress(200)).data();

            assertThat(data.type()).isEqualTo("benchmark.progress");
            assertThat(data.currentIteration()).isEqualTo(3);
            assertThat(data.progress()).isEqualTo(75);
            assertThat(data.statistics().n()).isEqualTo(3);
            assertThat(data.statistics().mean()).isEqualTo(200.0);
            assertThat(data.statistics().median()).isEqualTo(200.0);
            assertThat(data.statistics().min()).isEqualTo(100.0);
            assertThat(data.statistics().max()).isEqualTo(300.0);
            assertThat(data.statistics().ci95()).isNotNull();
        }

        @Test
        void reaches_100_percent_only_with_the_last_sample() {
            RunEvents longRun = RunEvents.of("loop", "php-8.2", 1000);
            state.next(longRun.started());
            for (int i = 1; i < 999; i++) {
                state.next(longRun.progress(10));
            }

            assertThat(state.next(longRun.progress(10)).data().progress()).isEqualTo(99);
            assertThat(state.next(longRun.progress(10)).data().progress()).isEqualTo(100);
        }

        @Test
        void starts_the_statistics_afresh_for_a_new_attempt() {
            state.next(run.started());
            state.next(run.progress(1_000_000));
            state.next(run.progress(1_000_000));

            run.newAttempt();
            state.next(run.started());
            UpdateData data = state.next(run.progress(5)).data();

            assertThat(data.statistics().n()).isEqualTo(1);
            assertThat(data.statistics().mean()).isEqualTo(5.0);
            assertThat(data.currentIteration()).isEqualTo(1);
        }
    }

    @Test
    void completes_at_100_percent_without_statistics() {
        state.next(run.started());
        for (int i = 0; i < 4; i++) {
            state.next(run.progress(10));
        }

        UpdateData data = state.next(run.completed()).data();

        assertThat(data.type()).isEqualTo("benchmark.completed");
        assertThat(data.currentIteration()).isEqualTo(4);
        assertThat(data.totalIterations()).isEqualTo(4);
        assertThat(data.progress()).isEqualTo(100);
        assertThat(data.statistics()).isNull();
    }

    @Nested
    class Failed {

        @Test
        void says_why_and_how_far_the_run_got() {
            state.next(run.started());
            state.next(run.progress(10));

            UpdateData data = state.next(run.failed(FailureReason.TIMEOUT, "Sample 2 took longer than 30s"))
                    .data();

            assertThat(data.type()).isEqualTo("benchmark.failed");
            assertThat(data.reason()).isEqualTo("TIMEOUT");
            assertThat(data.message()).isEqualTo("Sample 2 took longer than 30s");
            assertThat(data.currentIteration()).isEqualTo(1);
            assertThat(data.progress()).isEqualTo(25);
        }

        @Test
        void before_it_started_has_no_sample_count() {
            BenchmarkFailed failed = run.failed(FailureReason.RUNTIME_UNAVAILABLE, "php-9 is not installed");

            UpdateData data = state.next(failed).data();

            assertThat(data.totalIterations()).isNull();
            assertThat(data.currentIteration()).isZero();
            assertThat(data.progress()).isZero();
        }
    }

    @Test
    void refuses_records_that_are_not_lifecycle_events() {
        assertThatThrownBy(() -> state.next(run.requested())).isInstanceOf(RuntimeException.class);
        assertThat(RunState.isLifecycleEvent(run.requested())).isFalse();
        assertThat(RunState.isLifecycleEvent(run.completed())).isTrue();
    }
}
