package dev.benchpulse.runner.request;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.RunCancelRequested;
import dev.benchpulse.contracts.avro.RunRequested;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the commands of the HTTP API: a {@code RunRequested} per run on {@code Topics.RUN_REQUESTS} and a
 * {@code RunCancelRequested} on {@code Topics.RUN_CONTROL}, keyed by run id; each completes once the broker
 * acknowledged it. {@code KafkaTemplate.send} blocks while the producer has no metadata for the topic (up to
 * {@code max.block.ms}, as long as the broker is away), so it is called on the bounded elastic scheduler, never on
 * the event loop that answers the request.
 */
class RunCommandPublisher {

    private final KafkaTemplate<String, RunRequested> requests;
    private final KafkaTemplate<String, RunCancelRequested> control;
    private final Clock clock;

    RunCommandPublisher(KafkaTemplate<String, RunRequested> requests, KafkaTemplate<String, RunCancelRequested> control,
            Clock clock) {
        this.requests = requests;
        this.control = control;
        this.clock = clock;
    }

    Mono<RunRequested> requestRun(RunRequestBody body, String runtime, String requestedBy) {
        Instant now = now();
        RunRequested request = new RunRequested(UUID.randomUUID(), UUID.randomUUID(), now, body.benchmark(), runtime,
                body.iterations(), body.warmupIterations(), body.innerIterations(), now, requestedBy);
        return Mono.fromFuture(() -> requests.send(Topics.RUN_REQUESTS.name(), request.getRunId().toString(), request))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(request);
    }

    Mono<RunCancelRequested> requestCancel(UUID runId, String requestedBy) {
        Instant now = now();
        RunCancelRequested cancel = new RunCancelRequested(UUID.randomUUID(), runId, now, now, requestedBy);
        return Mono.fromFuture(() -> control.send(Topics.RUN_CONTROL.name(), runId.toString(), cancel))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(cancel);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
