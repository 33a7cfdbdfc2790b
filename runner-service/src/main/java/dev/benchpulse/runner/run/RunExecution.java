package dev.benchpulse.runner.run;

import static dev.benchpulse.contracts.avro.FailureReason.CANCELLED;
import static dev.benchpulse.contracts.avro.FailureReason.INTERNAL;
import static dev.benchpulse.contracts.avro.FailureReason.RUNNER_LOST;
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
import dev.benchpulse.support.outage.DependencyOutages;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a requested run on this instance, or every run of an interleaved group when the request is the group's
 * leader: refuses a run with a {@code BenchmarkFailed} when it cannot run (cancelled while queued, unknown
 * benchmark, unusable runtime, or its runner lost too often), else takes the samples ({@link SampleLoop}; a group's
 * runs in turns). The request of a group member that does not lead only records the run: the leader's runner
 * executes it. Returns whether every run ended with a terminal event acknowledged by the broker; they did not when
 * this instance gave the request up (shutting down, the request moved to another runner, a hung worker), and the
 * request must then not be acknowledged (its next attempt runs the whole group again). Events that did not reach
 * Kafka never end a run nor dead-letter its request: after a back-off the runs not yet ended are taken again as new
 * attempts, for as long as it takes, while health reports the outage of {@code kafka}.
 */
class RunExecution {

    private static final Logger log = LoggerFactory.getLogger(RunExecution.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    private final Catalog catalog;
    private final Runtimes runtimes;
    private final SampleLoop samples;
    private final RunEventPublisher publisher;
    private final CancelledRuns cancelledRuns;
    private final RunMetrics metrics;
    private final Clock clock;
    private final String instanceId;
    private final DependencyOutages outages;

    RunExecution(
            Catalog catalog,
            Runtimes runtimes,
            SampleLoop samples,
            RunEventPublisher publisher,
            CancelledRuns cancelledRuns,
            RunMetrics metrics,
            Clock clock,
            String instanceId,
            DependencyOutages outages) {
        this.catalog = catalog;
        this.runtimes = runtimes;
        this.samples = samples;
        this.publisher = publisher;
        this.cancelledRuns = cancelledRuns;
        this.metrics = metrics;
        this.clock = clock;
        this.instanceId = instanceId;
        this.outages = outages;
    }

    /** The runs a request executes: its own, or its group's when it leads one, or none when another member leads. */
    static List<RunRequested> runsOf(RunRequested request) {
        RunGroup group = request.getGroup();
        if (group == null) {
            return List.of(request);
        }
        if (!group.getMembers().getFirst().getRunId().equals(request.getRunId())) {
            return List.of();
        }
        return group.getMembers().stream()
                .map(member -> memberRequest(request, member))
                .toList();
    }

    /** Runs the request's samples as new attempts, telling {@code observer} about them. */
    boolean execute(RunRequested request, AttemptObserver observer) {
        return withRetries(request, observer, null);
    }

    /**
     * Ends the runs of a request whose earlier attempts were all lost with their runner:
     * {@code BenchmarkFailed(RUNNER_LOST)}, or CANCELLED for a run cancelled meanwhile.
     */
    boolean giveUp(RunRequested request, AttemptObserver observer, AttemptLedger.Entry lost) {
        return withRetries(request, observer, lost);
    }

    private boolean withRetries(RunRequested request, AttemptObserver observer, AttemptLedger.Entry lost) {
        if (cancelledRuns.isAbandoned()) {
            return false;
        }
        List<RunRequested> requested = runsOf(request);
        if (requested.isEmpty()) {
            RunGroup group = request.getGroup();
            log.info(
                    "Run {} ({} on {}) runs interleaved with its group {}, led by run {}",
                    request.getRunId(),
                    request.getBenchmark(),
                    request.getRuntime(),
                    group.getGroupId(),
                    group.getMembers().getFirst().getRunId());
            return true;
        }
        String waiter = "run " + request.getRunId();
        Runs runs = new Runs(
                requested,
                requested.stream()
                        .map(run -> cancelledRuns.track(run.getRunId()))
                        .toList(),
                new HashSet<>(),
                request.getGroup() == null
                        ? request.getIterations()
                        : request.getGroup().getBlockSize());
        try {
            Duration delay = FIRST_RETRY;
            while (true) {
                List<AttemptObserver.Current> attempts = new ArrayList<>();
                try {
                    return attempt(runs, attempts, observer, lost);
                } catch (RunEventPublisher.PublishingFailed e) {
                    if (runs.abandoned()) {
                        return false;
                    }
                    attempts.stream()
                            .filter(a -> a.published().ended())
                            .forEach(a -> runs.ended().add(a.events().runId()));
                    outages.failing(RunEventPublisher.KAFKA, waiter, e);
                    log.warn(
                            "Run {}: not every event of its attempt reached Kafka ({}); the run starts again as a "
                                    + "new attempt in {}",
                            request.getRunId(),
                            e.getMessage(),
                            delay);
                    if (!observer.pause(delay, runs::abandoned)) {
                        return false;
                    }
                    delay = delay.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay.multipliedBy(2);
                }
            }
        } finally {
            runs.tracked().forEach(CancelledRuns.Tracked::close);
            outages.restored(waiter);
        }
    }

    /**
     * The runs one request executes, in the group's order, and what this execution learnt of them.
     *
     * @param requests  their requests
     * @param tracked   their cancellations, and whether this instance gave them up
     * @param ended     those whose terminal event an earlier attempt had acknowledged
     * @param blockSize samples of one run before the next one's turn
     */
    private record Runs(
            List<RunRequested> requests, List<CancelledRuns.Tracked> tracked, Set<UUID> ended, int blockSize) {

        boolean abandoned() {
            return tracked.stream().anyMatch(CancelledRuns.Tracked::isAbandoned);
        }
    }

    /**
     * One attempt of every run not yet ended: their attempts are added to {@code attempts} as they start; whether
     * every run ended.
     */
    private boolean attempt(
            Runs runs, List<AttemptObserver.Current> attempts, AttemptObserver observer, AttemptLedger.Entry lost) {
        Map<AttemptObserver.Current, Supplier<BenchmarkFailed>> refused = new LinkedHashMap<>();
        List<SampleLoop.Member> members = start(runs, attempts, refused, observer, lost);
        observer.attach(attempts);
        try {
            refused.forEach((current, refusal) -> finish(current.published(), refusal));
            return members.isEmpty() || take(members, runs.blockSize());
        } catch (RunEventPublisher.PublishingFailed e) {
            throw e;
        } catch (RuntimeException e) {
            if (runs.abandoned()) {
                return false;
            }
            log.error(
                    "Run {} failed inside the runner",
                    runs.requests().getFirst().getRunId(),
                    e);
            attempts.stream()
                    .filter(current -> !current.published().ended())
                    .forEach(current -> finish(
                            current.published(),
                            () -> current.events()
                                    .failed(0, INTERNAL, "Unexpected error in the runner: " + e, null, null)));
            return true;
        }
    }

    /**
     * Starts a new attempt of each run not yet ended, into {@code attempts}; those that cannot run go to
     * {@code refused} with their refusal, the others are returned, ready to take samples.
     */
    private List<SampleLoop.Member> start(
            Runs runs,
            List<AttemptObserver.Current> attempts,
            Map<AttemptObserver.Current, Supplier<BenchmarkFailed>> refused,
            AttemptObserver observer,
            AttemptLedger.Entry lost) {
        Optional<Benchmark> benchmark = catalog.find(runs.requests().getFirst().getBenchmark());
        List<SampleLoop.Member> members = new ArrayList<>();
        for (int r = 0; r < runs.requests().size(); r++) {
            RunRequested run = runs.requests().get(r);
            CancelledRuns.Tracked tracked = runs.tracked().get(r);
            if (runs.ended().contains(run.getRunId())) {
                continue;
            }
            Optional<PhpRuntime> runtime = runtimes.find(run.getRuntime()); // probed again if it was unavailable
            AttemptEvents events =
                    new AttemptEvents(run.getRunId(), benchmarkRef(run, benchmark), runtimeRef(run, runtime), clock);
            AttemptObserver.Current current = new AttemptObserver.Current(
                    publisher.attempt(run.getRunId(), tracked::isAbandoned, observer::alive), events);
            attempts.add(current);
            log.info(
                    "Run {} ({} on {}): attempt {}",
                    run.getRunId(),
                    run.getBenchmark(),
                    run.getRuntime(),
                    events.attemptId());
            refusal(run, benchmark, events, tracked, lost)
                    .ifPresentOrElse(
                            refusal -> refused.put(current, refusal),
                            () -> members.add(new SampleLoop.Member(
                                    run, benchmark.get(), runtime.get(), events, current.published(), tracked)));
        }
        return members;
    }

    /** Takes the samples of the members; whether every one of them ended with an acknowledged terminal event. */
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
                    log.warn("Run {} abandoned by this runner; it runs again as a new attempt", run.getRunId());
                    done = false;
                }
            }
        }
        return done;
    }

    private Optional<Supplier<BenchmarkFailed>> refusal(
            RunRequested request,
            Optional<Benchmark> benchmark,
            AttemptEvents events,
            CancelledRuns.Tracked tracked,
            AttemptLedger.Entry lost) {
        if (tracked.cancellation().isCancelled()) {
            String by = cancelledRuns.cancelledBy(request.getRunId()).orElse("someone");
            return Optional.of(() -> events.failed(
                    0, CANCELLED, "Cancelled by " + by + " before it started; nothing was executed", null, null));
        }
        if (lost != null) {
            return Optional.of(() -> events.failed(
                    0,
                    RUNNER_LOST,
                    "Runner lost: " + lost.attempts()
                            + " attempt(s) of this run ended without a word from their runner (the last on "
                            + lost.runner()
                            + "): killed, or hung. Not tried again; request the run again once the runners are healthy.",
                    null,
                    null));
        }
        if (benchmark.isEmpty()) {
            return Optional.of(() -> events.failed(
                    0,
                    INTERNAL,
                    "Benchmark '" + request.getBenchmark() + "' is not in the catalog of runner " + instanceId
                            + "; every runner needs the same catalog",
                    null,
                    null));
        }
        return runtimes.problemRunning(benchmark.get().slug(), benchmark.get().compatibility(), request.getRuntime())
                .map(problem -> () ->
                        events.failed(0, RUNTIME_UNAVAILABLE, "On runner " + instanceId + ": " + problem, null, null));
    }

    private void finish(RunEventPublisher.Attempt attempt, Supplier<BenchmarkFailed> event) {
        failed(attempt.publishTerminal(event));
    }

    private void failed(BenchmarkFailed failed) {
        metrics.failed(failed.getReason());
        log.info(
                "Run {} failed after {} sample(s): {} {}",
                failed.getRunId(),
                failed.getIterationReached(),
                failed.getReason(),
                failed.getMessage());
    }

    /** The request of a group member, as the leader's with the member's run id and runtime. */
    private static RunRequested memberRequest(RunRequested leader, GroupMember member) {
        return RunRequested.newBuilder(leader)
                .setRunId(member.getRunId())
                .setRuntime(member.getRuntime())
                .build();
    }

    private static BenchmarkRef benchmarkRef(RunRequested request, Optional<Benchmark> benchmark) {
        return benchmark
                .map(b -> new BenchmarkRef(b.slug(), b.name(), b.category()))
                .orElseGet(() -> new BenchmarkRef(request.getBenchmark(), request.getBenchmark(), "unknown"));
    }

    private static RuntimeRef runtimeRef(RunRequested request, Optional<PhpRuntime> runtime) {
        return runtime.map(r -> new RuntimeRef(r.id(), r.phpVersion(), Map.copyOf(r.settings())))
                .orElseGet(() -> new RuntimeRef(request.getRuntime(), null, Map.of()));
    }
}
