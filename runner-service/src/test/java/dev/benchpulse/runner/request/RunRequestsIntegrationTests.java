package dev.benchpulse.runner.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.RunCancelRequested;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.runner.RunnerIntegrationTest;
import dev.benchpulse.runner.TestFixtures;
import dev.benchpulse.testsupport.TopicRecorder;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

@RunnerIntegrationTest
class RunRequestsIntegrationTests {

    static TopicRecorder<String, RunRequested> requests;
    static TopicRecorder<String, RunCancelRequested> cancels;

    @Autowired
    WebTestClient client;

    /** After the context is up, so the registry topics exist with their partitions before anyone subscribes. */
    @BeforeEach
    void record() {
        if (requests == null) {
            requests = TopicRecorder.start(Topics.RUN_REQUESTS);
            cancels = TopicRecorder.start(Topics.RUN_CONTROL);
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        requests.close();
        cancels.close();
        requests = null;
        cancels = null;
    }

    WebTestClient.BodyContentSpec post(String json, int status) {
        return client.post()
                .uri("/api/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isEqualTo(status)
                .expectBody();
    }

    WebTestClient.BodyContentSpec rejected(String json) {
        return client.post()
                .uri("/api/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Invalid request");
    }

    @Test
    void queues_one_run_per_runtime_and_publishes_a_request_for_each() {
        byte[] body = client.post()
                .uri("/api/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .header(ApiHeaders.IDENTITY, TestFixtures.identity("ada"))
                .bodyValue("""
                        {"benchmark": "sum-ints", "runtimes": ["php", "php-jit"], "iterations": 2,
                         "warmupIterations": 5, "innerIterations": 50}""")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.runs.length()")
                .isEqualTo(2)
                .jsonPath("$.runs[0].benchmark")
                .isEqualTo("sum-ints")
                .jsonPath("$.runs[0].runtime")
                .isEqualTo("php")
                .jsonPath("$.runs[1].runtime")
                .isEqualTo("php-jit")
                .jsonPath("$.runs[0].status")
                .isEqualTo("QUEUED")
                .jsonPath("$.runs[0].topic")
                .value(startsWith(RunTopics.PREFIX))
                .returnResult()
                .getResponseBodyContent();
        String first = new String(body).replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");

        List<ConsumerRecord<String, RunRequested>> published =
                requests.awaitRecords(r -> r.key().equals(first), 1, Duration.ofSeconds(10));
        RunRequested request = published.getFirst().value();
        assertThat(request.getRunId()).isEqualTo(UUID.fromString(first));
        assertThat(request.getBenchmark()).isEqualTo("sum-ints");
        assertThat(request.getRuntime()).isEqualTo("php");
        assertThat(request.getIterations()).isEqualTo(2);
        assertThat(request.getWarmupIterations()).isEqualTo(5);
        assertThat(request.getInnerIterations()).isEqualTo(50);
        assertThat(request.getRequestedBy()).isEqualTo("ada");
        assertThat(new String(body)).contains("\"topic\":\"" + RunTopics.of(first) + "\"");
    }

    @Test
    void a_request_without_a_signed_identity_is_an_anonymous_visitors_at_its_address() {
        byte[] body = client.post()
                .uri("/api/runs")
                .contentType(MediaType.APPLICATION_JSON)
                .header(ApiHeaders.UNSIGNED_USER, "mallory")
                .header(ApiHeaders.IDENTITY, "mallory")
                .bodyValue("{\"benchmark\": \"sum-ints\", \"runtimes\": [\"php\"], \"iterations\": 1}")
                .exchange()
                .expectStatus()
                .isAccepted()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        String id = new String(body).replaceAll(".*?\"id\":\"([^\"]+)\".*", "$1");

        assertThat(requests.awaitRecords(r -> r.key().equals(id), 1, Duration.ofSeconds(10))
                        .getFirst()
                        .value()
                        .getRequestedBy())
                .isEqualTo("anonymous@127.0.0.1");
    }

    @Test
    void a_run_costing_more_than_the_ceiling_is_refused_before_anything_is_queued() {
        rejected("""
                {"benchmark": "sum-ints", "runtimes": ["php"], "iterations": 10000, "innerIterations": 1000000000}""")
                .jsonPath("$.errors[0].field")
                .isEqualTo("iterations")
                .jsonPath("$.errors[0].message")
                .value(containsString("more than the 100000000000 one run may cost"));
    }

    @Test
    void a_category_queues_one_run_per_benchmark_and_runtime_with_one_matrix_id_on_one_queue() {
        byte[] body = post("""
                {"category": "strings", "runtimes": ["php", "php-jit"], "iterations": 1}""", 202)
                .jsonPath("$.matrixId")
                .isNotEmpty()
                .jsonPath("$.execution")
                .isEqualTo("interleaved")
                .jsonPath("$.runs.length()")
                .isEqualTo(4)
                .jsonPath("$.skipped.length()")
                .isEqualTo(0)
                .returnResult()
                .getResponseBodyContent();
        String matrix = new String(body).replaceAll(".*?\"matrixId\":\"([^\"]+)\".*", "$1");

        List<ConsumerRecord<String, RunRequested>> published = requests.awaitRecords(
                r -> matrix.equals(String.valueOf(r.value().getMatrixId())), 4, Duration.ofSeconds(10));
        assertThat(published)
                .extracting(ConsumerRecord::partition)
                .as("one queue")
                .containsOnly(published.getFirst().partition());
        assertThat(published)
                .extracting(r -> r.value().getBenchmark())
                .containsExactlyInAnyOrder(
                        "str-contains-native", "str-contains-native", "str-contains-strpos", "str-contains-strpos");
        assertThat(published).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(r.value().getRunId().toString());
            assertThat(r.value().getGroup().getMembers())
                    .extracting(m -> m.getRuntime())
                    .containsExactly("php", "php-jit");
            assertThat(r.value().getGroup().getBlockSize()).isEqualTo(1);
        });
    }

    @Test
    void a_list_of_benchmarks_leaves_out_what_a_runtime_cannot_run_and_says_why() {
        post("""
                {"benchmarks": ["sum-ints", "needs-php-99"], "runtimes": ["php"], "iterations": 1}""", 202)
                .jsonPath("$.runs.length()")
                .isEqualTo(1)
                .jsonPath("$.runs[0].benchmark")
                .isEqualTo("sum-ints")
                .jsonPath("$.skipped[0].benchmark")
                .isEqualTo("needs-php-99")
                .jsonPath("$.skipped[0].runtime")
                .isEqualTo("php")
                .jsonPath("$.skipped[0].reason")
                .value(containsString("needs PHP 99.0 or newer (a feature of PHP 99)"));
    }

    @Nested
    class Validation {

        @Test
        void an_unknown_benchmark_is_404() {
            client.post()
                    .uri("/api/runs")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"benchmark\": \"nope\", \"runtimes\": [\"php\"], \"iterations\": 1}")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("benchmark");
        }

        @Test
        void an_unknown_runtime_is_named_with_the_configured_ones() {
            rejected("{\"benchmark\": \"sum-ints\", \"runtimes\": [\"php\", \"php-9\"], \"iterations\": 1}")
                    .jsonPath("$.errors.length()")
                    .isEqualTo(1)
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("runtimes[1]")
                    .jsonPath("$.errors[0].message")
                    .value(startsWith("unknown runtime 'php-9'; configured runtimes: php, php-jit, php-missing"));
        }

        @Test
        void an_unavailable_runtime_says_why() {
            rejected("{\"benchmark\": \"sum-ints\", \"runtimes\": [\"php-missing\"], \"iterations\": 1}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("runtimes[0]")
                    .jsonPath("$.errors[0].message")
                    .value(startsWith("runtime 'php-missing' is unavailable: Cannot start"));
        }

        @Test
        void a_runtime_whose_php_is_too_old_for_the_benchmark_is_refused() {
            rejected("{\"benchmark\": \"needs-php-99\", \"runtimes\": [\"php\"], \"iterations\": 1}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("runtimes[0]")
                    .jsonPath("$.errors[0].message")
                    .value(containsString(
                            "needs PHP 99.0 or newer (a feature of PHP 99); no configured runtime can run it"));
        }

        @Test
        void iterations_must_be_between_1_and_10000() {
            rejected("{\"benchmark\": \"sum-ints\", \"runtimes\": [\"php\"], \"iterations\": 0}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("iterations")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("must be between 1 and 10000 (got 0)");
            rejected("{\"benchmark\": \"sum-ints\", \"runtimes\": [\"php\"], \"iterations\": 10001}")
                    .jsonPath("$.errors[0].message")
                    .value(startsWith("must be between 1 and 10000 (got 10001)"));
        }

        @Test
        void overrides_must_be_in_range() {
            rejected(
                            "{\"benchmark\": \"sum-ints\", \"runtimes\": [\"php\"], \"iterations\": 1, \"innerIterations\": 0}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("innerIterations");
            rejected(
                            "{\"benchmark\": \"sum-ints\", \"runtimes\": [\"php\"], \"iterations\": 1, \"warmupIterations\": -1}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("warmupIterations");
        }

        @Test
        void missing_fields_are_all_named() {
            rejected("{}")
                    .jsonPath("$.errors.length()")
                    .isEqualTo(3)
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("benchmark")
                    .jsonPath("$.errors[0].message")
                    .value(startsWith("is required: the slug of a catalog benchmark"))
                    .jsonPath("$.errors[1].field")
                    .isEqualTo("iterations")
                    .jsonPath("$.errors[2].field")
                    .isEqualTo("runtimes");
        }

        @Test
        void benchmarks_are_named_in_exactly_one_way() {
            rejected(
                            "{\"benchmark\": \"sum-ints\", \"category\": \"strings\", \"runtimes\": [\"php\"], \"iterations\": 1}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("benchmark")
                    .jsonPath("$.errors[0].message")
                    .value(startsWith("names benchmarks in more than one way"));
            rejected("{\"category\": \"nope\", \"runtimes\": [\"php\"], \"iterations\": 1}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("category")
                    .jsonPath("$.errors[0].message")
                    .value(startsWith("'nope' has no benchmarks; categories: "));
            rejected("{\"benchmarks\": [\"sum-ints\", \"nope\"], \"runtimes\": [\"php\"], \"iterations\": 1}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("benchmarks[1]");
        }

        @Test
        void overrides_apply_to_one_benchmark_only() {
            rejected("{\"category\": \"strings\", \"runtimes\": [\"php\"], \"iterations\": 1, \"innerIterations\": 5}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("innerIterations")
                    .jsonPath("$.errors[0].message")
                    .value(startsWith("overrides the catalog for one benchmark only"));
        }

        @Test
        void a_request_for_more_samples_than_one_request_may_queue_is_refused() {
            rejected("{\"catalog\": true, \"runtimes\": [\"php\", \"php-jit\"], \"iterations\": 10000}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("iterations")
                    .jsonPath("$.errors[0].message")
                    .value(containsString("more than the 50000 one request may queue"));
        }

        @Test
        void execution_is_interleaved_or_sequential() {
            rejected(
                            "{\"benchmark\": \"sum-ints\", \"runtimes\": [\"php\"], \"iterations\": 1, \"execution\": \"parallel\"}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("execution");
        }

        @Test
        void a_runtime_listed_twice_is_refused() {
            rejected("{\"benchmark\": \"sum-ints\", \"runtimes\": [\"php\", \"php\"], \"iterations\": 1}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("runtimes[1]");
        }

        @Test
        void malformed_json_is_refused_with_an_example() {
            rejected("{\"benchmark\": \"sum-ints\", ")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("(body)")
                    .jsonPath("$.errors[0].message")
                    .value(startsWith("is not valid JSON"))
                    .jsonPath("$.example.runtimes[0]")
                    .isEqualTo("php");
        }

        @Test
        void a_value_of_the_wrong_type_names_the_field() {
            rejected("{\"benchmark\": \"sum-ints\", \"runtimes\": [\"php\"], \"iterations\": \"many\"}")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("iterations")
                    .jsonPath("$.errors[0].message")
                    .value(startsWith("has the wrong type"));
        }
    }

    @Nested
    class Cancelling {

        @Test
        void publishes_a_cancel_request_for_the_run() {
            UUID run = UUID.randomUUID();

            client.delete()
                    .uri("/api/runs/{id}", run)
                    .header(ApiHeaders.IDENTITY, TestFixtures.identity("grace"))
                    .header(ApiHeaders.CLIENT, "test")
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectBody()
                    .jsonPath("$.id")
                    .isEqualTo(run.toString());

            RunCancelRequested cancel = cancels.awaitRecords(
                            r -> r.key().equals(run.toString()), 1, Duration.ofSeconds(10))
                    .getFirst()
                    .value();
            assertThat(cancel.getRunId()).isEqualTo(run);
            assertThat(cancel.getRequestedBy()).isEqualTo("grace");
        }

        @Test
        void a_run_id_that_is_not_a_uuid_is_refused() {
            client.delete()
                    .uri("/api/runs/123")
                    .header(ApiHeaders.CLIENT, "test")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("id");
        }
    }
}
