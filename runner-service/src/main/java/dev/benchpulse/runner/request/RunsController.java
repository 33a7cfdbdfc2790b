package dev.benchpulse.runner.request;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.web.ApiHeaders;
import dev.benchpulse.contracts.web.RunTopics;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.support.identity.Requester;
import dev.benchpulse.support.kafka.TopicClients;
import dev.benchpulse.support.problem.ApiProblem;
import dev.benchpulse.support.problem.RequestExample;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Run requests and cancellations over HTTP. Both are commands published to Kafka: the runs themselves are
 * executed by the runner workers and read from results-service. Who asks comes from the identity the gateway signed
 * ({@link Requester}); a request is refused when its run would cost more than the ceiling or when its requester
 * already has as many runs waiting as allowed.
 */
@RestController
@RequestMapping("/api/runs")
class RunsController {

    private final RunRequestValidator validator;
    private final RunCommandPublisher publisher;
    private final QueueQuota queue;

    RunsController(
            Catalog catalog,
            Runtimes runtimes,
            TopicClients clients,
            QueueBalancer queues,
            RequestProperties limits,
            Clock clock) {
        this.validator = new RunRequestValidator(catalog, runtimes, limits);
        this.publisher = new RunCommandPublisher(
                clients.template(Topics.RUN_REQUESTS), clients.template(Topics.RUN_CONTROL), queues, clock);
        this.queue = new QueueQuota(limits, WebClient.builder(), clock);
    }

    @PostMapping
    @Operation(
            summary = "Request one run per benchmark and runtime (one benchmark, a list, a category or the whole "
                    + "catalog); 202 with the queued runs, their Mercure topics, the matrix id when there are several, and "
                    + "the pairs left out because a runtime's PHP does not run the benchmark")
    @RequestExample("{\"benchmark\": \"str-contains-native\", \"runtimes\": [\"php\"], \"iterations\": 10}")
    Mono<ResponseEntity<RunsAccepted>> request(
            @Valid @RequestBody RunRequestBody body,
            @Parameter(hidden = true) Requester requester,
            @Parameter(hidden = true) @RequestHeader(name = ApiHeaders.IDENTITY, required = false) String identity) {
        RunPlan plan = validator.validate(body);
        return queue.check(requester, identity, plan.runCount())
                .thenMany(Flux.defer(() -> publisher.requestRuns(plan, requester.label())))
                .collectList()
                .map(runs -> {
                    queue.accepted(
                            requester, runs.stream().map(RunRequested::getRunId).toList());
                    return ResponseEntity.accepted()
                            .body(new RunsAccepted(
                                    runs.getFirst().getMatrixId() == null
                                            ? null
                                            : runs.getFirst().getMatrixId().toString(),
                                    plan.interleaved() ? "interleaved" : "sequential",
                                    runs.stream().map(QueuedRun::of).toList(),
                                    plan.skipped()));
                });
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a queued or running run; 202 once the cancel request is published")
    Mono<ResponseEntity<CancelAccepted>> cancel(
            @PathVariable String id, @Parameter(hidden = true) Requester requester) {
        UUID runId = parse(id);
        return publisher
                .requestCancel(runId, requester.label())
                .map(cancel ->
                        ResponseEntity.accepted().body(new CancelAccepted(runId.toString(), "CANCEL_REQUESTED")));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalid("id", "'" + id + "' is not a run id: use the UUID returned by POST /api/runs");
        }
    }

    /**
     * The runs a request queued.
     *
     * @param matrixId  the id the runs share when there are several ({@code GET /api/matrices/{id}} reports their
     *                  progress together), else null
     * @param execution {@code interleaved} or {@code sequential}
     * @param runs      one per benchmark and runtime
     * @param skipped   benchmark and runtime pairs left out, with the reason
     */
    record RunsAccepted(String matrixId, String execution, List<QueuedRun> runs, List<RunPlan.Skipped> skipped) {}

    /**
     * A queued run.
     *
     * @param id        run id
     * @param benchmark slug
     * @param runtime   runtime id
     * @param status    always {@code QUEUED}
     * @param topic     the Mercure topic of the run's live updates
     * @param groupId   the interleaved group it runs in, or null
     */
    record QueuedRun(String id, String benchmark, String runtime, String status, String topic, String groupId) {

        static QueuedRun of(RunRequested request) {
            String id = request.getRunId().toString();
            return new QueuedRun(
                    id,
                    request.getBenchmark(),
                    request.getRuntime(),
                    "QUEUED",
                    RunTopics.of(id),
                    request.getGroup() == null
                            ? null
                            : request.getGroup().getGroupId().toString());
        }
    }

    /**
     * An accepted cancel request.
     *
     * @param id     run id
     * @param status {@code CANCEL_REQUESTED}
     */
    record CancelAccepted(String id, String status) {}
}
