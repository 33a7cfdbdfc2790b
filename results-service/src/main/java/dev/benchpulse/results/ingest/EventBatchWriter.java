package dev.benchpulse.results.ingest;

import dev.benchpulse.contracts.Events;
import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes a batch of lifecycle events in one database transaction, in an order equivalent to the events' own: the
 * Progress events are gathered into chunks inserted in one statement each, and a chunk is written before any
 * lifecycle event (Started, Completed, Failed) of a run that has samples in it. Runs are independent, so events of
 * different runs need no ordering between them.
 */
@Component
public class EventBatchWriter {

    private final RunWrites runs;
    private final SampleWrites samples;
    private final RunCompletion completion;
    private final TransactionalOperator transaction;

    EventBatchWriter(
            RunWrites runs, SampleWrites samples, RunCompletion completion, TransactionalOperator transaction) {
        this.runs = runs;
        this.samples = samples;
        this.completion = completion;
        this.transaction = transaction;
    }

    /** Writes {@code events} (in partition order per run); emits how many new samples were stored. */
    public Mono<Long> write(List<SpecificRecord> events) {
        List<Supplier<Mono<Long>>> steps = plan(events);
        return Flux.fromIterable(steps)
                .concatMap(Supplier::get)
                .reduce(0L, Long::sum)
                .as(transaction::transactional);
    }

    private List<Supplier<Mono<Long>>> plan(List<SpecificRecord> events) {
        List<Supplier<Mono<Long>>> steps = new ArrayList<>();
        List<BenchmarkProgress> chunk = new ArrayList<>();
        Set<UUID> runsInChunk = new HashSet<>();
        for (SpecificRecord event : events) {
            if (event instanceof BenchmarkProgress progress) {
                chunk.add(progress);
                runsInChunk.add(progress.getRunId());
                continue;
            }
            if (runsInChunk.contains(Events.runId(event))) {
                steps.add(flush(chunk));
                chunk = new ArrayList<>();
                runsInChunk.clear();
            }
            steps.add(() -> lifecycle(event).thenReturn(0L));
        }
        if (!chunk.isEmpty()) {
            steps.add(flush(chunk));
        }
        return steps;
    }

    /** Inserts a chunk; a sample that was missing from a run whose runner finished may complete it. */
    private Supplier<Mono<Long>> flush(List<BenchmarkProgress> chunk) {
        Set<UUID> runIds = new HashSet<>();
        chunk.forEach(progress -> runIds.add(progress.getRunId()));
        return () -> samples.insert(chunk)
                .flatMap(stored ->
                        stored == 0 ? Mono.just(0L) : completion.settle(runIds).thenReturn(stored));
    }

    private Mono<Boolean> lifecycle(SpecificRecord event) {
        return switch (event) {
            case BenchmarkStarted s -> runs.started(s);
            case BenchmarkCompleted c ->
                runs.completed(c)
                        .flatMap(done ->
                                done ? completion.settle(List.of(c.getRunId())).thenReturn(true) : Mono.just(false));
            case BenchmarkFailed f -> runs.failed(f);
            default -> Mono.just(false);
        };
    }
}
