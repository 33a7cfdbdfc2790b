package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.support.observability.RunScope;
import io.micrometer.observation.Observation;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker threads of this instance: up to {@code concurrency} run requests at once, each executed on a thread of
 * its own, never on the consumer's, in a {@link WorkerSlots worker slot} (which calibrations share: a run may wait
 * for one). One request per partition at a time. A finished, lost or abandoned run waits
 * here until the consumer's thread (the only one that may touch the consumer) commits past it or delivers it again,
 * then {@link #forget forgets} it.
 */
final class RunWorkers implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunWorkers.class);

    private final RunExecution execution;
    private final CancelledRuns cancelledRuns;
    private final RunMetrics metrics;
    private final WorkerSlots slots;
    private final int concurrency;
    private final Map<TopicPartition, InFlightRun> runs = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().name("run-worker-", 1).daemon().factory());

    RunWorkers(
            RunExecution execution,
            CancelledRuns cancelledRuns,
            RunMetrics metrics,
            WorkerSlots slots,
            int concurrency) {
        this.execution = execution;
        this.cancelledRuns = cancelledRuns;
        this.metrics = metrics;
        this.slots = slots;
        this.concurrency = concurrency;
    }

    /** Whether no worker is free (lost workers do not count: their thread may linger, their slot is free). */
    boolean full() {
        return running().size() >= concurrency;
    }

    /** Whether new runs are taken: not once this instance shuts down. */
    boolean accepting() {
        return !cancelledRuns.isAbandoned();
    }

    /** The partitions whose request is here, in whatever state: none of them may deliver another one yet. */
    Set<TopicPartition> busyPartitions() {
        return Set.copyOf(runs.keySet());
    }

    /**
     * Executes a request on a new worker thread, inside {@code observation} (the span of its record, which the
     * run's events continue): its samples (a group's when it leads one), or, when {@code lost} says its earlier
     * attempts were all lost, only their end as RUNNER_LOST.
     */
    InFlightRun start(
            TopicPartition partition,
            long offset,
            RunRequested request,
            AttemptLedger.Entry before,
            AttemptLedger.Entry lost,
            Observation observation) {
        List<UUID> executed = RunExecution.runsOf(request).stream()
                .map(RunRequested::getRunId)
                .toList();
        InFlightRun run = new InFlightRun(partition, offset, request.getRunId(), executed, before);
        runs.put(partition, run);
        threads.execute(() -> observation.observe(() -> work(run, request, lost)));
        return run;
    }

    /** Executes the request; its id is in the logs and on the span of its record meanwhile ({@link RunScope}). */
    private void work(InFlightRun run, RunRequested request, AttemptLedger.Entry lost) {
        run.runsOn(Thread.currentThread());
        try (RunScope scope = RunScope.enter(run.runId())) {
            boolean finished = lost != null ? execution.giveUp(request, run, lost) : executeInSlot(request, run);
            run.settle(finished ? InFlightRun.State.FINISHED : InFlightRun.State.ABANDONED);
        } catch (RuntimeException | Error e) {
            log.error("Run {}: its worker failed; the request is delivered again", run.runId(), e);
            if (run.settle(InFlightRun.State.LOST)) {
                run.executed().forEach(cancelledRuns::abandon);
            }
        }
    }

    private boolean executeInSlot(RunRequested request, InFlightRun run) {
        Optional<WorkerSlots.RunSlot> slot = slots.forRun(() -> waiting(run));
        if (slot.isEmpty()) {
            return false;
        }
        try (WorkerSlots.RunSlot held = slot.get()) {
            run.holds(held);
            return execution.execute(request, run);
        }
    }

    private boolean waiting(InFlightRun run) {
        run.alive();
        return run.state() == InFlightRun.State.RUNNING && accepting();
    }

    /** The runs whose workers are still at work. */
    List<InFlightRun> running() {
        return runs.values().stream()
                .filter(r -> r.state() == InFlightRun.State.RUNNING)
                .toList();
    }

    /** The runs that left RUNNING and wait for the consumer's thread. */
    List<InFlightRun> settled() {
        return runs.values().stream()
                .filter(r -> r.state() != InFlightRun.State.RUNNING)
                .toList();
    }

    /** The runs of these partitions, in whatever state. */
    List<InFlightRun> on(Collection<TopicPartition> partitions) {
        return partitions.stream().map(runs::get).filter(r -> r != null).toList();
    }

    /** Declares a run's worker hung: its attempt is abandoned and its request is to be delivered again. */
    void lose(InFlightRun run) {
        if (run.settle(InFlightRun.State.LOST)) {
            metrics.lost();
            run.executed().forEach(cancelledRuns::abandon);
            run.interruptWorker();
            run.releaseSlot(); // its thread may never return: the slot goes to the next attempt
        }
    }

    /** Gives a running run up (its partition is going away): its attempt ends without a terminal event. */
    void abandon(InFlightRun run) {
        if (run.settle(InFlightRun.State.ABANDONED)) {
            run.executed().forEach(cancelledRuns::abandon);
        }
    }

    void forget(InFlightRun run) {
        runs.remove(run.partition(), run);
    }

    /** Waits up to {@code timeout} for every worker to leave RUNNING (after an abandonment: a second or so). */
    void awaitSettled(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!running().isEmpty() && System.nanoTime() < end) {
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
