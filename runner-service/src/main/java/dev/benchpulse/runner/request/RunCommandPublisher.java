package dev.benchpulse.runner.request;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.GroupMember;
import dev.benchpulse.contracts.avro.RunCancelRequested;
import dev.benchpulse.contracts.avro.RunGroup;
import dev.benchpulse.contracts.avro.RunRequested;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes the commands of the HTTP API: a {@code RunRequested} per run on {@code Topics.RUN_REQUESTS} and a
 * {@code RunCancelRequested} on {@code Topics.RUN_CONTROL}, keyed by run id; each completes once the broker
 * acknowledged it. The runs of one request share a matrix id (when there are several) and one partition (the
 * shortest queue, {@link QueueBalancer}); a benchmark's runs on several runtimes form an interleaved group unless
 * the request asks for sequential execution. A command is sent within the observation of the HTTP request that
 * asked for it, so the run's trace starts with that request and reaches the workers through the record's headers.
 * {@code KafkaTemplate.send} blocks while the producer has no metadata for the topic (up to {@code max.block.ms}, as
 * long as the broker is away), so it is called on the bounded elastic scheduler, never on the event loop that
 * answers the request.
 */
class RunCommandPublisher {

    private final KafkaTemplate<String, RunRequested> requests;
    private final KafkaTemplate<String, RunCancelRequested> control;
    private final QueueBalancer queues;
    private final Clock clock;

    RunCommandPublisher(
            KafkaTemplate<String, RunRequested> requests,
            KafkaTemplate<String, RunCancelRequested> control,
            QueueBalancer queues,
            Clock clock) {
        this.requests = requests;
        this.control = control;
        this.queues = queues;
        this.clock = clock;
    }

    /** Publishes every run of {@code plan}, in order, all to one queue. */
    Flux<RunRequested> requestRuns(RunPlan plan, String requestedBy) {
        List<RunRequested> runs = build(plan, requestedBy);
        return queues.place(runs.size())
                .map(partition -> Flux.fromIterable(runs).concatMap(run -> send(run, partition)))
                .defaultIfEmpty(Flux.fromIterable(runs).concatMap(run -> send(run, null)))
                .flatMapMany(sent -> sent);
    }

    private Mono<RunRequested> send(RunRequested run, Integer partition) {
        return sent(() -> requests.send(
                        Topics.RUN_REQUESTS.name(), partition, run.getRunId().toString(), run))
                .subscribeOn(Schedulers.boundedElastic())
                .thenReturn(run);
    }

    private List<RunRequested> build(RunPlan plan, String requestedBy) {
        Instant now = now();
        UUID matrixId = plan.runCount() > 1 ? UUID.randomUUID() : null;
        List<RunRequested> runs = new ArrayList<>();
        for (RunPlan.Entry entry : plan.entries()) {
            List<GroupMember> members = entry.runtimes().stream()
                    .map(runtime -> new GroupMember(UUID.randomUUID(), runtime))
                    .toList();
            RunGroup group = plan.interleaved() && members.size() > 1
                    ? new RunGroup(UUID.randomUUID(), members, plan.blockSize())
                    : null;
            for (GroupMember member : members) {
                runs.add(new RunRequested(
                        UUID.randomUUID(),
                        member.getRunId(),
                        now,
                        entry.benchmark().slug(),
                        member.getRuntime(),
                        plan.iterations(),
                        plan.warmup(),
                        plan.inner(),
                        now,
                        requestedBy,
                        matrixId,
                        group));
            }
        }
        return runs;
    }

    Mono<RunCancelRequested> requestCancel(UUID runId, String requestedBy) {
        Instant now = now();
        RunCancelRequested cancel = new RunCancelRequested(UUID.randomUUID(), runId, now, now, requestedBy);
        return sent(() -> control.send(Topics.RUN_CONTROL.name(), runId.toString(), cancel))
                .subscribeOn(Schedulers.boundedElastic())
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
