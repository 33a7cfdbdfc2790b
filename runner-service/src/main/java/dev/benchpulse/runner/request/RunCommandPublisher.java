package dev.benchpulse.runner.request;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.RunCancelRequested;
import dev.benchpulse.contracts.avro.RunRequested;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * Publishes the commands of the HTTP API: a {@code RunRequested} per run on {@code Topics.RUN_REQUESTS} and a
 * {@code RunCancelRequested} on {@code Topics.RUN_CONTROL}, keyed by run id; each completes once the broker
 * acknowledged it. A command is sent within the observation of the HTTP request that asked for it, so the run's trace
 * starts with that request and reaches the workers through the record's headers.
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
        return sent(() -> requests.send(Topics.RUN_REQUESTS.name(), request.getRunId().toString(), request))
                .thenReturn(request);
    }

    Mono<RunCancelRequested> requestCancel(UUID runId, String requestedBy) {
        Instant now = now();
        RunCancelRequested cancel = new RunCancelRequested(UUID.randomUUID(), runId, now, now, requestedBy);
        return sent(() -> control.send(Topics.RUN_CONTROL.name(), runId.toString(), cancel))
                .thenReturn(cancel);
    }

    /**
     * Sends when subscribed, in the scope of the HTTP request's observation (WebFlux keeps it in the Reactor context,
     * not on the thread that subscribes), so the template's observation becomes its child.
     */
    private static Mono<?> sent(Supplier<CompletableFuture<?>> send) {
        return Mono.deferContextual(context -> {
            Observation request = context.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
            return Mono.fromFuture(request == null ? send.get() : request.scoped(send::get));
        });
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
