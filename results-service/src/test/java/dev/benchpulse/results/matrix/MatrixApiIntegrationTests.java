package dev.benchpulse.results.matrix;

import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.avro.GroupMember;
import dev.benchpulse.contracts.avro.RunGroup;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.results.ResultsIntegrationTest;
import dev.benchpulse.testsupport.RunEvents;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/matrices/{id}}: the runs one request queued, their progress as a whole and per benchmark. */
class MatrixApiIntegrationTests extends ResultsIntegrationTest {

    @Test
    void a_matrix_reports_the_progress_of_all_its_runs_and_each_benchmarks_runs() {
        UUID matrix = UUID.randomUUID();
        RunEvents aOld = RunEvents.of("matrix-a", "php-7.4", 2);
        RunEvents aNew = RunEvents.of("matrix-a", "php-8.5", 2);
        RunEvents b = RunEvents.of("matrix-b", "php-7.4", 2);
        RunGroup group = new RunGroup(
                UUID.randomUUID(),
                List.of(new GroupMember(aOld.runId(), "php-7.4"), new GroupMember(aNew.runId(), "php-8.5")),
                1);
        request(aOld, matrix, group);
        request(aNew, matrix, group);
        request(b, matrix, null);
        publish(aOld, aOld.started(), aOld.progress(100), aOld.progress(120), aOld.completed());
        publish(aNew, aNew.started(), aNew.progress(50));

        await().atMost(WAIT)
                .untilAsserted(() -> client.get()
                        .uri("/api/matrices/{id}", matrix)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.id")
                        .isEqualTo(matrix.toString())
                        .jsonPath("$.runs")
                        .isEqualTo(3)
                        .jsonPath("$.byStatus.COMPLETED")
                        .isEqualTo(1)
                        .jsonPath("$.byStatus.RUNNING")
                        .isEqualTo(1)
                        .jsonPath("$.byStatus.QUEUED")
                        .isEqualTo(1)
                        .jsonPath("$.samples.taken")
                        .isEqualTo(3)
                        .jsonPath("$.samples.total")
                        .isEqualTo(6)
                        .jsonPath("$.progress")
                        .isEqualTo(50.0)
                        .jsonPath("$.finished")
                        .isEqualTo(false)
                        .jsonPath("$.runtimes[0]")
                        .isEqualTo("php-7.4")
                        .jsonPath("$.runtimes[1]")
                        .isEqualTo("php-8.5")
                        .jsonPath("$.benchmarks[0].slug")
                        .isEqualTo("matrix-a")
                        .jsonPath("$.benchmarks[0].runs[0].runtime")
                        .isEqualTo("php-7.4")
                        .jsonPath("$.benchmarks[0].runs[0].median")
                        .isEqualTo(110.0)
                        .jsonPath("$.benchmarks[0].runs[0].groupId")
                        .isEqualTo(group.getGroupId().toString())
                        .jsonPath("$.benchmarks[0].runs[1].completedIterations")
                        .isEqualTo(1)
                        .jsonPath("$.benchmarks[1].slug")
                        .isEqualTo("matrix-b")
                        .jsonPath("$.benchmarks[1].runs[0].status")
                        .isEqualTo("QUEUED"));
        getRun(aOld.runId())
                .jsonPath("$.matrixId")
                .isEqualTo(matrix.toString())
                .jsonPath("$.groupId")
                .isEqualTo(group.getGroupId().toString());

        publish(aNew, aNew.progress(60), aNew.completed());
        publish(b, b.started(), b.failed(dev.benchpulse.contracts.avro.FailureReason.SCRIPT_ERROR, "boom"));
        await().atMost(WAIT)
                .untilAsserted(() -> client.get()
                        .uri("/api/matrices/{id}", matrix)
                        .exchange()
                        .expectBody()
                        .jsonPath("$.finished")
                        .isEqualTo(true)
                        .jsonPath("$.progress")
                        .isEqualTo(100.0)
                        .jsonPath("$.byStatus.FAILED")
                        .isEqualTo(1)
                        .jsonPath("$.benchmarks[1].runs[0].failureReason")
                        .isEqualTo("SCRIPT_ERROR"));
    }

    @Test
    void the_runtimes_of_one_request_keep_the_order_they_were_requested_in_whatever_their_run_ids() {
        UUID matrix = UUID.randomUUID();
        java.time.Instant requestedAt = java.time.Instant.parse("2026-12-01T10:00:00Z");
        List<String> runtimes = List.of("php-8.5", "php-7.4", "php-8.1");
        // run ids that sort against the request order, all requested in the same instant, as one request's are
        List<UUID> ids = List.of(
                UUID.fromString("ffffffff-0000-4000-8000-000000000001"),
                UUID.fromString("88888888-0000-4000-8000-000000000002"),
                UUID.fromString("00000000-0000-4000-8000-000000000003"));
        for (int i = 0; i < runtimes.size(); i++) {
            RunRequested requested = RunRequested.newBuilder(
                            RunEvents.of("matrix-order", runtimes.get(i), 2).requested())
                    .setRunId(ids.get(i))
                    .setRequestedAt(requestedAt)
                    .setMatrixId(matrix)
                    .build();
            requests().send(ids.get(i).toString(), requested);
        }

        await().atMost(WAIT)
                .untilAsserted(() -> client.get()
                        .uri("/api/matrices/{id}", matrix)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.runs")
                        .isEqualTo(3)
                        .jsonPath("$.runtimes")
                        .isEqualTo(runtimes)
                        .jsonPath("$.benchmarks[0].runs[*].runtime")
                        .isEqualTo(runtimes));
    }

    @Test
    void an_unknown_matrix_is_a_404_problem_saying_where_ids_come_from() {
        client.get()
                .uri("/api/matrices/{id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.detail")
                .value(org.hamcrest.Matchers.containsString("matrixId"));
    }

    private static void request(RunEvents run, UUID matrix, RunGroup group) {
        RunRequested requested = RunRequested.newBuilder(run.requested())
                .setMatrixId(matrix)
                .setGroup(group)
                .build();
        requests().send(run.key(), requested);
    }
}
