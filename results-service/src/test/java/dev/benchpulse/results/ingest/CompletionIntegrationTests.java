package dev.benchpulse.results.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.results.ResultsIntegrationTest;
import dev.benchpulse.testsupport.RunEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run is COMPLETED only with every sample its runner took; otherwise it waits, then is INCOMPLETE. */
class CompletionIntegrationTests extends ResultsIntegrationTest {

    @Test
    void a_run_missing_a_sample_waits_then_is_incomplete_naming_it_and_completes_once_it_arrives() {
        // Given a run whose runner took 4 samples, of which the third never arrived
        RunEvents run = RunEvents.of("completion-missing", "php-8.2", 4);
        BenchmarkProgress first = run.progress(10);
        BenchmarkProgress second = run.progress(20);
        BenchmarkProgress third = run.progress(30);
        BenchmarkProgress fourth = run.progress(40);
        publish(run, run.started(), first, second, fourth, run.completed(4));

        // Then it is not reported complete: it waits, naming what it waits for
        await().atMost(WAIT)
                .untilAsserted(() -> getRun(run.runId())
                        .jsonPath("$.samplesTaken")
                        .isEqualTo(4)
                        .jsonPath("$.status")
                        .isEqualTo("RUNNING")
                        .jsonPath("$.missingIterations")
                        .isEqualTo(List.of(3)));
        // And after the completion timeout it is INCOMPLETE, with the statistics of the samples it has
        awaitStatus(run.runId(), "INCOMPLETE");
        getRun(run.runId())
                .jsonPath("$.missingIterations")
                .isEqualTo(List.of(3))
                .jsonPath("$.completedIterations")
                .isEqualTo(3)
                .jsonPath("$.statistics.n")
                .isEqualTo(3);
        client.get()
                .uri("/api/runs?status=incomplete&benchmark=completion-missing")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.items[0].id")
                .isEqualTo(run.key());

        // When the missing sample arrives after all (replayed from the dead-letter topic)
        publish(run, third);

        // Then the run is COMPLETED, its statistics over exactly its four samples
        awaitStatus(run.runId(), "COMPLETED");
        getRun(run.runId())
                .jsonPath("$.missingIterations")
                .isEmpty()
                .jsonPath("$.statistics.n")
                .isEqualTo(4)
                .jsonPath("$.statistics.mean")
                .isEqualTo(25.0);
        assertThat(sampleTimes(run.runId())).containsExactly(10.0, 20.0, 30.0, 40.0);
    }

    @Test
    void a_completed_event_of_an_older_producer_counts_its_total_iterations() {
        RunEvents run = RunEvents.of("completion-v1", "php-8.2", 2);
        BenchmarkProgress first = run.progress(10);
        BenchmarkProgress second = run.progress(20);
        BenchmarkCompleted withoutCount = run.completed(null);
        publish(run, run.started(), first, withoutCount);

        await().atMost(WAIT)
                .untilAsserted(() -> getRun(run.runId())
                        .jsonPath("$.samplesTaken")
                        .isEqualTo(2)
                        .jsonPath("$.missingIterations")
                        .isEqualTo(List.of(2)));
        publish(run, second);
        awaitStatus(run.runId(), "COMPLETED");
        getRun(run.runId()).jsonPath("$.statistics.n").isEqualTo(2);
    }
}
