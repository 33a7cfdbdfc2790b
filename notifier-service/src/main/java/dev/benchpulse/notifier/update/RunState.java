package dev.benchpulse.notifier.update;

import dev.benchpulse.contracts.Events;
import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkRef;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.avro.RuntimeRef;
import dev.benchpulse.contracts.web.RunTopics;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * Turns the events of one run, in order, into its Mercure updates, keeping what an update needs from earlier events:
 * the current attempt, its sample count and its running statistics. An event of a new attempt starts the statistics
 * afresh. Not thread-safe: one run's events are handled one at a time.
 */
public final class RunState {

    private UUID attemptId;
    private Integer totalIterations;
    private RunStatistics statistics = new RunStatistics();

    /** Whether the notifier relays this kind of record (the four lifecycle events). */
    public static boolean isLifecycleEvent(SpecificRecord record) {
        return record instanceof BenchmarkStarted
                || record instanceof BenchmarkProgress
                || record instanceof BenchmarkCompleted
                || record instanceof BenchmarkFailed;
    }

    /** The update for the run's next event; fails on a record that is not a lifecycle event. */
    public MercureUpdate next(SpecificRecord event) {
        enterAttempt(Events.attemptId(event).orElseThrow());
        return switch (event) {
            case BenchmarkStarted started -> started(started);
            case BenchmarkProgress progress -> progress(progress);
            case BenchmarkCompleted completed -> completed(completed);
            case BenchmarkFailed failed -> failed(failed);
            default ->
                throw new IllegalArgumentException(
                        "Not a run lifecycle event: " + event.getSchema().getFullName());
        };
    }

    private MercureUpdate started(BenchmarkStarted event) {
        totalIterations = event.getTotalIterations();
        return update(event, UpdateType.STARTED, 0, null, null, null);
    }

    private MercureUpdate progress(BenchmarkProgress event) {
        totalIterations = event.getTotalIterations();
        statistics.add(event.getSample().getTimePerOperationNanos());
        return update(event, UpdateType.PROGRESS, event.getCurrentIteration(), statistics.snapshot(), null, null);
    }

    private MercureUpdate completed(BenchmarkCompleted event) {
        totalIterations = event.getTotalIterations();
        return update(event, UpdateType.COMPLETED, event.getTotalIterations(), null, null, null);
    }

    private MercureUpdate failed(BenchmarkFailed event) {
        return update(
                event,
                UpdateType.FAILED,
                event.getIterationReached(),
                null,
                event.getReason().name(),
                event.getMessage());
    }

    private void enterAttempt(UUID attempt) {
        if (!attempt.equals(attemptId)) {
            attemptId = attempt;
            totalIterations = null;
            statistics = new RunStatistics();
        }
    }

    private MercureUpdate update(
            SpecificRecord event,
            UpdateType type,
            int currentIteration,
            UpdateData.Statistics stats,
            String reason,
            String message) {
        SpecificRecordBase fields = (SpecificRecordBase) event;
        BenchmarkRef benchmark = (BenchmarkRef) fields.get("benchmark");
        RuntimeRef runtime = (RuntimeRef) fields.get("runtime");
        UUID runId = Events.runId(event);
        int progress = type == UpdateType.COMPLETED ? 100 : percent(currentIteration);
        UpdateData data = new UpdateData(
                type.wireName(),
                benchmark.getSlug(),
                benchmark.getName(),
                runtime.getPhpVersion(),
                currentIteration,
                totalIterations,
                progress,
                null,
                runId.toString(),
                runtime.getId(),
                Events.occurredAt(event).toEpochMilli(),
                stats,
                reason,
                message);
        return new MercureUpdate(RunTopics.of(runId), Events.eventId(event).toString(), type, data);
    }

    private int percent(int currentIteration) {
        if (totalIterations == null || totalIterations <= 0) {
            return 0;
        }
        return (int) Math.min(100, 100L * currentIteration / totalIterations);
    }
}
