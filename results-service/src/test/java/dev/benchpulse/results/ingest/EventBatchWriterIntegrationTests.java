package dev.benchpulse.results.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.results.ResultsIntegrationTest;
import dev.benchpulse.testsupport.RunEvents;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * The batched fast path keeps the per-record rules: one batch holding duplicates, two attempts of a run, a late
 * sample and a redelivered Started of the abandoned attempt, interleaved with another run, ends exactly as if the
 * events had been applied one by one.
 */
class EventBatchWriterIntegrationTests extends ResultsIntegrationTest {

    @Test
    void one_batch_applies_duplicates_attempts_and_interleaved_runs_like_single_events() {
        RunEvents run = RunEvents.of("batch-rules", "php-8.2", 2);
        RunEvents other = RunEvents.of("batch-rules", "php-8.3", 2);
        BenchmarkStarted firstStart = run.started();
        BenchmarkProgress a1 = run.progress(900);
        BenchmarkProgress a2 = run.progress(901);
        BenchmarkProgress lateOfFirstAttempt = run.progress(902);
        run.newAttempt();
        BenchmarkStarted secondStart = run.started();
        BenchmarkProgress b1 = run.progress(10);
        BenchmarkProgress b2 = run.progress(20);
        List<SpecificRecord> batch = List.of(
                firstStart,
                other.started(),
                a1,
                a2,
                a2,
                other.progress(1),
                secondStart,
                b1,
                lateOfFirstAttempt,
                firstStart,
                b1,
                other.progress(2),
                b2,
                run.completed(),
                other.completed());

        Long stored = writer.write(batch).block(WAIT);

        assertThat(stored).as("a1, a2 (later discarded), other's two, b1, b2").isEqualTo(6);
        assertThat(sampleTimes(run.runId())).containsExactly(10.0, 20.0);
        assertThat(sampleTimes(other.runId())).containsExactly(1.0, 2.0);
        getRun(run.runId())
                .jsonPath("$.status")
                .isEqualTo("COMPLETED")
                .jsonPath("$.statistics.n")
                .isEqualTo(2);

        Long again = writer.write(batch).block(WAIT);
        assertThat(again)
                .as("the same batch again, as after a redelivery: nothing new")
                .isZero();
        assertThat(sampleTimes(run.runId())).containsExactly(10.0, 20.0);
        getRun(run.runId())
                .jsonPath("$.status")
                .isEqualTo("COMPLETED")
                .jsonPath("$.statistics.mean")
                .isEqualTo(15.0);
    }
}
