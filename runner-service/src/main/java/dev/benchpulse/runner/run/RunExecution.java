package dev.benchpulse.runner.run;

import static dev.benchpulse.contracts.avro.FailureReason.CANCELLED;
import static dev.benchpulse.contracts.avro.FailureReason.INTERNAL;
import static dev.benchpulse.contracts.avro.FailureReason.RUNTIME_UNAVAILABLE;

import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkRef;
import dev.benchpulse.contracts.avro.GroupMember;
import dev.benchpulse.contracts.avro.RunGroup;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.avro.RuntimeRef;
import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.runner.runtime.Runtimes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one attempt of a requested run, or of every run of an interleaved group when the request is the group's
 * leader: refuses a run with a {@code BenchmarkFailed} when it cannot run (cancelled while queued, unknown
 * benchmark, unusable runtime), else takes the samples ({@link SampleLoop}; a group's runs in turns). The request of
 * a group member that does not lead only records the run: the leader's runner executes it. Returns whether every run
 * ended with a terminal event acknowledged by the broker; they did not when this runner is shutting down, and the
 * request must then be left unacknowledged for another runner (which runs the whole group again).
 */
class RunExecution {

    private static final Logger log = LoggerFactory.getLogger(RunExecution.class);

    private final Catalog catalog;
    private final Runtimes runtimes;
    private final SampleLoop samples;
    private final RunEventPublisher publisher;
    private final CancelledRuns cancelledRuns;
    private final RunMetrics metrics;
    private final Clock clock;
    private final String instanceId;

    RunExecution(Catalog catalog, Runtimes runtimes, SampleLoop samples, RunEventPublisher publisher,
            CancelledRuns cancelledRuns, RunMetrics metrics, Clock clock, String instanceId) {
        this.catalog = catalog;
        this.runtimes = runtimes;
        this.samples = samples;
        this.publisher = publisher;
        this.cancelledRuns = cancelledRuns;
        this.metrics = metrics;
        this.clock = clock;
        this.instanceId = instanceId;
    }

    boolean execute(RunRequested request) {
        if (cancelledRuns.isAbandoned()) {
            return false;
        }
        RunGroup group = request.getGroup();
        if (group != null && !group.getMembers().getFirst().getRunId().equals(request.getRunId())) {
            log.info("Run {} ({} on {}) runs interleaved with its group {}, led by run {}", request.getRunId(),
                    request.getBenchmark(), request.getRuntime(), group.getGroupId(),
                    group.getMembers().getFirst().getRunId());
            return true;
        }
        List<RunRequested> runs = group == null ? List.of(request) : group.getMembers().stream()
                .map(member -> memberRequest(request, member)).toList();
        Optional<Benchmark> benchmark = catalog.find(request.getBenchmark());
        List<CancelledRuns.Tracked> tracked = new ArrayList<>();
        try {
            List<SampleLoop.Member> members = new ArrayList<>();
            boolean done = true;
            for (RunRequested run : runs) {
                CancelledRuns.Tracked tracking = cancelledRuns.track(run.getRunId());
                tracked.add(tracking);
                prepare(run, benchmark, tracking).ifPresentOrElse(members::add, () -> { });
            }
            if (!members.isEmpty()) {
                done = take(members, group == null ? request.getIterations() : group.getBlockSize());
            }
            return done;
        } finally {
            tracked.forEach(CancelledRuns.Tracked::close);
        }
    }

    /** A run ready to take samples, or empty when it was refused (its {@code BenchmarkFailed} published). */
    private Optional<SampleLoop.Member> prepare(RunRequested run, Optional<Benchmark> benchmark,
            CancelledRuns.Tracked tracked) {
        Optional<PhpRuntime> runtime = runtimes.find(run.getRuntime()); // probed again if it was unavailable
        AttemptEvents events = new AttemptEvents(run.getRunId(), benchmarkRef(run, benchmark), runtimeRef(run, runtime),
                clock);
        RunEventPublisher.Attempt attempt = publisher.attempt(run.getRunId());
        log.info("Run {} ({} on {}): attempt {}", run.getRunId(), run.getBenchmark(), run.getRuntime(),
                events.attemptId());
        Optional<BenchmarkFailed> refusal = refusal(run, benchmark, events, tracked);
        if (refusal.isPresent()) {
            attempt.publishTerminal(refusal.get());
            failed(refusal.get());
            return Optional.empty();
        }
        return Optional.of(new SampleLoop.Member(run, benchmark.get(), runtime.get(), events, attempt,
                tracked.cancellation()));
    }

    /** Takes the samples of the members; whether every one of them ended with a published terminal event. */
    private boolean take(List<SampleLoop.Member> members, int blockSize) {
        List<SampleLoop.Ending> endings = metrics.running(members.size(), () -> samples.run(members, blockSize));
        boolean done = true;
        for (int m = 0; m < members.size(); m++) {
            RunRequested run = members.get(m).request();
            switch (endings.get(m)) {
                case SampleLoop.Ending.Completed completed -> {
                    metrics.completed();
                    log.info("Run {} completed {} sample(s)", run.getRunId(), run.getIterations());
                }
                case SampleLoop.Ending.Failed failed -> failed(failed.event());
                case SampleLoop.Ending.Abandoned abandoned -> {
                    log.warn("Run {} abandoned: this runner is shutting down; another runner will run it again",
                            run.getRunId());
                    done = false;
                }
            }
        }
        return done;
    }

    private Optional<BenchmarkFailed> refusal(RunRequested request, Optional<Benchmark> benchmark,
            AttemptEvents events, CancelledRuns.Tracked tracked) {
        if (tracked.cancellation().isCancelled()) {
            return Optional.of(events.failed(0, CANCELLED, "Cancelled by " + cancelledRuns.cancelledBy(
                    request.getRunId()).orElse("someone") + " before it started; nothing was executed", null, null));
        }
        if (benchmark.isEmpty()) {
            return Optional.of(events.failed(0, INTERNAL, "Benchmark '" + request.getBenchmark()
                    + "' is not in the catalog of runner " + instanceId + "; every runner needs the same catalog",
                    null, null));
        }
        return runtimes.problemRunning(benchmark.get().slug(), benchmark.get().compatibility(), request.getRuntime())
                .map(problem -> events.failed(0, RUNTIME_UNAVAILABLE, "On runner " + instanceId + ": " + problem,
                        null, null));
    }

    private void failed(BenchmarkFailed failed) {
        metrics.failed(failed.getReason());
        log.info("Run {} failed after {} sample(s): {} {}", failed.getRunId(), failed.getIterationReached(),
                failed.getReason(), failed.getMessage());
    }

    /** The request of a group member, as the leader's with the member's run id and runtime. */
    private static RunRequested memberRequest(RunRequested leader, GroupMember member) {
        return RunRequested.newBuilder(leader).setRunId(member.getRunId()).setRuntime(member.getRuntime()).build();
    }

    private static BenchmarkRef benchmarkRef(RunRequested request, Optional<Benchmark> benchmark) {
        return benchmark.map(b -> new BenchmarkRef(b.slug(), b.name(), b.category()))
                .orElseGet(() -> new BenchmarkRef(request.getBenchmark(), request.getBenchmark(), "unknown"));
    }

    private static RuntimeRef runtimeRef(RunRequested request, Optional<PhpRuntime> runtime) {
        return runtime.map(r -> new RuntimeRef(r.id(), r.phpVersion(), Map.copyOf(r.settings())))
                .orElseGet(() -> new RuntimeRef(request.getRuntime(), null, Map.of()));
    }
}
