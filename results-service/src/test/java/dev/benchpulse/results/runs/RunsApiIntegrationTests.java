package dev.benchpulse.results.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.results.ResultsIntegrationTest;
import dev.benchpulse.testsupport.OpenApiDocuments;
import dev.benchpulse.testsupport.RunEvents;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** {@code /api/runs}: list, detail, samples as JSON and CSV, errors as problem details, OpenAPI. */
class RunsApiIntegrationTests extends ResultsIntegrationTest {

    @Test
    void closes_each_connection_after_its_response() {
        // Reactor Netty 1.3.6 can stall a kept-alive connection (reactor/reactor-netty#4361): see
        // ConnectionReuseAutoConfiguration in service-support
        client.get()
                .uri("/api/runs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .valueEquals("Connection", "close");
    }

    @Test
    void the_list_is_filtered_newest_first_and_paged() {
        UUID older = storeCompleted("runs-list", "php-8.2", 1, 2, 3);
        UUID newer = storeCompleted("runs-list", "php-8.2", 4, 5, 6);
        storeCompleted("runs-list", "php-8.3", 7, 8, 9);

        client.get()
                .uri("/api/runs?benchmark=runs-list&runtime=php-8.2&status=completed&page=0&size=1")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(2)
                .jsonPath("$.page")
                .isEqualTo(0)
                .jsonPath("$.size")
                .isEqualTo(1)
                .jsonPath("$.items.length()")
                .isEqualTo(1)
                .jsonPath("$.items[0].id")
                .isEqualTo(newer.toString())
                .jsonPath("$.items[0].statistics.median")
                .isEqualTo(5.0);
        client.get()
                .uri("/api/runs?benchmark=runs-list&runtime=php-8.2&page=1&size=1")
                .exchange()
                .expectBody()
                .jsonPath("$.items[0].id")
                .isEqualTo(older.toString());
        client.get()
                .uri("/api/runs?benchmark=runs-list&status=RUNNING")
                .exchange()
                .expectBody()
                .jsonPath("$.total")
                .isEqualTo(0);
    }

    @Test
    void the_runner_counts_a_requesters_queued_runs_with_the_list() {
        RunEvents ada = RunEvents.of("runs-by-requester", "php-8.2", 3);
        RunEvents bob = RunEvents.of("runs-by-requester", "php-8.2", 3);
        requests().send(ada.key(), requestedBy(ada, "ada"));
        requests().send(bob.key(), requestedBy(bob, "anonymous@192.0.2.9"));

        await().atMost(WAIT)
                .untilAsserted(() -> client.get()
                        .uri("/api/runs?requestedBy=ada&status=QUEUED&size=200")
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.total")
                        .isEqualTo(1)
                        .jsonPath("$.items[0].id")
                        .isEqualTo(ada.runId().toString()));
        client.get()
                .uri("/api/runs?requestedBy=anonymous@192.0.2.9&status=QUEUED")
                .exchange()
                .expectBody()
                .jsonPath("$.items[0].id")
                .isEqualTo(bob.runId().toString());
    }

    private static RunRequested requestedBy(RunEvents run, String requester) {
        return RunRequested.newBuilder(run.requested())
                .setRequestedBy(requester)
                .build();
    }

    @Test
    void a_run_has_the_agreed_shape() {
        UUID id = storeCompleted("runs-detail", "php-8.2", 100, 110, 120, 130);

        getRun(id)
                .jsonPath("$.id")
                .isEqualTo(id.toString())
                .jsonPath("$.benchmark")
                .isEqualTo("runs-detail")
                .jsonPath("$.runtime")
                .isEqualTo("php-8.2")
                .jsonPath("$.status")
                .isEqualTo("COMPLETED")
                .jsonPath("$.iterations")
                .isEqualTo(4)
                .jsonPath("$.completedIterations")
                .isEqualTo(4)
                .jsonPath("$.startedAt")
                .isNotEmpty()
                .jsonPath("$.completedAt")
                .isNotEmpty()
                .jsonPath("$.failure")
                .doesNotExist()
                .jsonPath("$.phpVersion")
                .isEqualTo("8.2.0")
                .jsonPath("$.statistics.n")
                .isEqualTo(4)
                .jsonPath("$.statistics.mean")
                .isEqualTo(115.0)
                .jsonPath("$.statistics.median")
                .isEqualTo(115.0)
                .jsonPath("$.statistics.ci95.low")
                .isNumber()
                .jsonPath("$.statistics.outliers.method")
                .isEqualTo("tukey-1.5")
                .jsonPath("$.statistics.outliers.count")
                .isEqualTo(0)
                .jsonPath("$.statistics.memory.meanUsedBytes")
                .isEqualTo(1024.0)
                .jsonPath("$.statistics.opsPerSecond")
                .isNumber();
    }

    @Test
    void samples_come_in_order_as_json_or_csv() {
        UUID id = storeCompleted("runs-samples", "php-8.2", 3.5, 1.25, 2);

        client.get()
                .uri("/api/runs/{id}/samples", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.length()")
                .isEqualTo(3)
                .jsonPath("$[0].iteration")
                .isEqualTo(1)
                .jsonPath("$[0].timePerOperationNanos")
                .isEqualTo(3.5)
                .jsonPath("$[2].timePerOperationNanos")
                .isEqualTo(2.0)
                .jsonPath("$[2].peakMemoryBytes")
                .isEqualTo(2097152);
        String csv = client.get()
                .uri("/api/runs/{id}/samples", id)
                .accept(MediaType.parseMediaType("text/csv"))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/csv")
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
        assertThat(csv).isEqualTo("""
                iteration,time_per_operation_ns,memory_used_bytes,peak_memory_bytes
                1,3.5,1024,2097152
                2,1.25,1024,2097152
                3,2.0,1024,2097152
                """);
    }

    @Test
    void an_unknown_run_is_a_404_problem() {
        UUID unknown = UUID.randomUUID();
        for (String path : new String[] {"/api/runs/{id}", "/api/runs/{id}/samples", "/api/runs/{id}/bmf"}) {
            client.get()
                    .uri(path, unknown)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(d ->
                            assertThat((String) d).contains(unknown.toString()).contains("GET /api/runs"));
        }
    }

    @Test
    void bad_parameters_are_400_problems_that_say_how_to_fix_them() {
        client.get()
                .uri("/api/runs/not-a-uuid")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("id:", "UUID"));
        client.get()
                .uri("/api/runs?status=SLEEPING")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("SLEEPING", "QUEUED"));
        client.get()
                .uri("/api/runs?size=0")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.detail")
                .value(d -> assertThat((String) d).contains("size"));
    }

    @Test
    void the_openapi_description_is_served() {
        client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.paths['/api/runs/{id}']")
                .exists()
                .jsonPath("$.paths['/api/benchmarks/{slug}/comparison']")
                .exists()
                .jsonPath("$.paths['/api/benchmarks/{slug}/history']")
                .exists()
                .jsonPath("$.components.schemas.RunView.properties.missingIterations")
                .exists()
                .jsonPath("$.components.schemas.RunView.properties.status.enum")
                .value(statuses -> assertThat(statuses.toString()).contains("INCOMPLETE"));
    }

    @Test
    void serves_the_committed_openapi_document_the_dashboard_is_checked_against() {
        String served = client.get()
                .uri("/v3/api-docs")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();

        OpenApiDocuments.assertServedIsCommitted("results", served);
    }

    @Test
    void the_service_reports_up() {
        client.get()
                .uri("/actuator/health")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }
}
