package dev.benchpulse.runner.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.runner.RunnerIntegrationTest;
import dev.benchpulse.runner.TestFixtures;
import dev.benchpulse.runner.run.WorkerSlots;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The per-requester queue limit against a stand-in results service that reports each requester's queued runs (a
 * matrix of more runs than the limit only while none wait), and calibrations sharing the worker slots of runs. A context of its own: the queue limit on, no worker consuming.
 */
@RunnerIntegrationTest
class RequestLimitsIntegrationTests {

    static final String RUN = "{\"benchmark\": \"sum-ints\", \"runtimes\": [\"php\", \"php-jit\"], \"iterations\": 1}";

    /** Queued run ids per requestedBy, as the stand-in results service answers them. */
    static final Map<String, List<String>> QUEUED = new ConcurrentHashMap<>();
    /** Run ids per requestedBy the stand-in knows whatever their status (asked without a status). */
    static final Map<String, List<String>> KNOWN = new ConcurrentHashMap<>();

    static final List<String> IDENTITIES_SEEN = new CopyOnWriteArrayList<>();
    static final DisposableServer RESULTS = HttpServer.create()
            .host("127.0.0.1")
            .port(0)
            .handle((request, response) -> {
                var query = UriComponentsBuilder.fromUri(URI.create(request.uri()))
                        .build()
                        .getQueryParams();
                IDENTITIES_SEEN.add(String.valueOf(request.requestHeaders().get(ApiHeaders.IDENTITY)));
                if ("dora".equals(query.getFirst("requestedBy"))) {
                    return response.status(500).send();
                }
                List<String> ids = (query.containsKey("status") ? QUEUED : KNOWN)
                        .getOrDefault(query.getFirst("requestedBy"), List.of());
                String items = String.join(
                        ",", ids.stream().map(id -> "{\"id\":\"" + id + "\"}").toList());
                return response.header("Content-Type", "application/json")
                        .sendString(
                                Mono.just("{\"items\":[" + items + "],\"total\":" + ids.size() + "}"),
                                StandardCharsets.UTF_8)
                        .then();
            })
            .bindNow();

    @Autowired
    WebTestClient client;

    @Autowired
    WorkerSlots slots;

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("benchpulse.runner.requests.max-queued-per-requester", () -> "3");
        // low enough for the test catalog's costliest benchmark (10,100 operations a sample) at 10,000 samples
        registry.add("benchpulse.runner.requests.max-operations", () -> "50000000");
        registry.add("benchpulse.runner.requests.results-url", () -> "http://127.0.0.1:" + RESULTS.port());
        registry.add("benchpulse.runner.worker.enabled", () -> "false");
        registry.add("benchpulse.runner.worker.calibration-wait", () -> "1s");
    }

    @AfterAll
    static void stopResults() {
        RESULTS.disposeNow();
    }

    @BeforeEach
    void forget() {
        QUEUED.clear();
        KNOWN.clear();
        IDENTITIES_SEEN.clear();
    }

    @Test
    void a_requester_with_as_many_runs_waiting_as_allowed_gets_429_and_others_do_not() {
        String ada = TestFixtures.identity("ada");
        QUEUED.put("ada", List.of("00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"));

        post(ada)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Too many queued runs")
                .jsonPath("$.queued")
                .isEqualTo(2)
                .jsonPath("$.limit")
                .isEqualTo(3);
        assertThat(IDENTITIES_SEEN)
                .as("the lookup carries the requester's own identity")
                .containsOnly(ada);

        post(TestFixtures.identity("bob")).expectStatus().isAccepted();
    }

    @Test
    void runs_just_accepted_count_before_the_results_service_has_heard_of_them() {
        String cleo = TestFixtures.identity("cleo");

        post(cleo).expectStatus().isAccepted();
        post(cleo).expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }

    @Test
    void runs_just_accepted_stop_counting_once_the_results_service_has_seen_them_start() {
        String gus = TestFixtures.identity("gus");
        List<String> accepted = new java.util.ArrayList<>();
        post(gus)
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.runs[*].id")
                .value(ids -> ((List<?>) ids).forEach(id -> accepted.add(String.valueOf(id))));

        KNOWN.put("gus", accepted); // both started: known to the results service, no longer QUEUED there
        post(gus).expectStatus().isAccepted();
    }

    @Test
    void a_matrix_of_more_runs_than_the_limit_is_taken_only_while_none_of_the_requesters_runs_wait() {
        String matrix = """
                {"benchmarks": ["sum-ints", "str-contains-strpos"], "runtimes": ["php", "php-jit"], "iterations": 1}""";
        String eve = TestFixtures.identity("eve");
        QUEUED.put("eve", List.of("00000000-0000-4000-8000-000000000003"));

        post(eve, matrix)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody()
                .jsonPath("$.queued")
                .isEqualTo(1)
                .jsonPath("$.limit")
                .isEqualTo(3);

        QUEUED.remove("eve");
        post(eve, matrix)
                .expectStatus()
                .isAccepted()
                .expectBody()
                .jsonPath("$.runs.length()")
                .isEqualTo(4);
        post(eve, RUN)
                .expectStatus()
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectBody()
                .jsonPath("$.queued")
                .isEqualTo(4);
    }

    @Test
    void every_benchmark_of_a_matrix_is_held_to_the_cost_ceiling_and_the_costliest_is_named() {
        post(TestFixtures.identity("fay"), """
                {"benchmarks": ["sum-ints", "str-contains-strpos"], "runtimes": ["php"], "iterations": 10000}""")
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("iterations")
                .jsonPath("$.errors[0].message")
                .value(message -> assertThat((String) message)
                        .contains(
                                "benchmark 'str-contains-strpos'",
                                "costs 101000000 operations",
                                "more than the 50000000 one run may cost"));
        assertThat(IDENTITIES_SEEN).as("refused before the queue is counted").isEmpty();
    }

    @Test
    void when_the_results_service_cannot_say_no_run_is_accepted() {
        post(TestFixtures.identity("dora"))
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("Queue limit cannot be checked");
    }

    @Test
    void a_calibration_waits_for_a_worker_slot_like_a_run_and_is_turned_away_when_none_frees_up() {
        int held = slots.available();
        assertThat(held).isPositive();
        holdAll(
                held,
                () -> client.post()
                        .uri("/api/benchmarks/sum-ints/calibrate?runtime=php")
                        .header(ApiHeaders.CLIENT, "test")
                        .exchange()
                        .expectStatus()
                        .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                        .expectHeader()
                        .exists("Retry-After")
                        .expectBody()
                        .jsonPath("$.title")
                        .isEqualTo("Workers busy"));

        client.post()
                .uri("/api/benchmarks/sum-ints/calibrate?runtime=php")
                .header(ApiHeaders.CLIENT, "test")
                .exchange()
                .expectStatus()
                .isOk();
    }

    private WebTestClient.ResponseSpec post(String identity) {
        return post(identity, RUN);
    }

    private WebTestClient.ResponseSpec post(String identity, String body) {
        return client.post()
                .uri("/api/runs")
                .header(ApiHeaders.IDENTITY, identity)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange();
    }

    /** Occupies every slot, as runs would, while the check runs. */
    private void holdAll(int slotsToHold, Runnable check) {
        CountDownLatch taken = new CountDownLatch(slotsToHold);
        CountDownLatch done = new CountDownLatch(1);
        List<Thread> holders = new CopyOnWriteArrayList<>();
        for (int i = 0; i < slotsToHold; i++) {
            holders.add(Thread.ofVirtual()
                    .start(() -> slots.forCalibration(() -> {
                        taken.countDown();
                        try {
                            done.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return null;
                    })));
        }
        try {
            taken.await();
            check.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            done.countDown();
            holders.forEach(t -> {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
