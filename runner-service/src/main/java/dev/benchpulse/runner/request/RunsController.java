package dev.benchpulse.runner.request;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.problem.InvalidRequestException;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.support.identity.Identity;
import dev.benchpulse.support.identity.Requester;
import dev.benchpulse.support.kafka.TopicClients;

import jakarta.validation.Valid;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
@EnableConfigurationProperties(RequestProperties.class)
class RunsController {

    private final RunRequestValidator validator;
    private final RunCommandPublisher publisher;
    private final QueueQuota queue;

    RunsController(Catalog catalog, Runtimes runtimes, TopicClients clients, Clock clock,
            RequestProperties properties) {
        this.validator = new RunRequestValidator(catalog, runtimes, properties.maxOperations());
        this.publisher = new RunCommandPublisher(clients.template(Topics.RUN_REQUESTS),
                clients.template(Topics.RUN_CONTROL), clock);
        this.queue = new QueueQuota(properties, WebClient.builder(), clock);
    }

    @PostMapping
    @Operation(summary = "Request one run of a benchmark per runtime; 202 with the queued runs and their Mercure topics")
    Mono<ResponseEntity<RunsAccepted>> request(@Valid @RequestBody RunRequestBody body,
            @Parameter(hidden = true) Requester requester,
            @Parameter(hidden = true) @RequestHeader(name = Identity.HEADER, required = false) String identity) {
        validator.validate(body);
        return queue.check(requester, identity, body.runtimes().size())
                .thenMany(Flux.fromIterable(body.runtimes()))
                .concatMap(runtime -> publisher.requestRun(body, runtime, requester.label()))
                .collectList()
                .map(requests -> {
                    queue.accepted(requester, requests.stream().map(RunRequested::getRunId).toList());
                    return ResponseEntity.accepted().body(new RunsAccepted(requests.stream().map(QueuedRun::of)
                            .toList()));
                });
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Cancel a queued or running run; 202 once the cancel request is published")
    Mono<ResponseEntity<CancelAccepted>> cancel(@PathVariable String id, @Parameter(hidden = true) Requester requester) {
        UUID runId = parse(id);
        return publisher.requestCancel(runId, requester.label())
                .map(cancel -> ResponseEntity.accepted().body(new CancelAccepted(runId.toString(), "CANCEL_REQUESTED")));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("id", "'" + id + "' is not a run id: use the UUID returned by POST /api/runs");
        }
    }

    /**
     * The runs a request queued.
     *
     * @param runs one per requested runtime
     */
    record RunsAccepted(List<QueuedRun> runs) {
    }

    /**
     * A queued run.
     *
     * @param id        run id
     * @param benchmark slug
     * @param runtime   runtime id
     * @param status    always {@code QUEUED}
     * @param topic     the Mercure topic of the run's live updates
     */
    record QueuedRun(String id, String benchmark, String runtime, String status, String topic) {

        static QueuedRun of(RunRequested request) {
            String id = request.getRunId().toString();
            return new QueuedRun(id, request.getBenchmark(), request.getRuntime(), "QUEUED", "urn:benchpulse:runs:" + id);
        }
    }

    /**
     * An accepted cancel request.
     *
     * @param id     run id
     * @param status {@code CANCEL_REQUESTED}
     */
    record CancelAccepted(String id, String status) {
    }
}
