package dev.benchpulse.runner.run;

import static dev.benchpulse.contracts.avro.FailureReason.CANCELLED;
import static dev.benchpulse.contracts.avro.FailureReason.INTERNAL;
import static dev.benchpulse.contracts.avro.FailureReason.RUNNER_LOST;
import static dev.benchpulse.contracts.avro.FailureReason.RUNTIME_UNAVAILABLE;

import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkRef;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.avro.RuntimeRef;
import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.support.outage.DependencyOutages;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes a requested run on this instance: refuses it with a {@code BenchmarkFailed} when it cannot run (cancelled
 * while queued, unknown benchmark, unusable runtime, or its runner lost too often), else takes its samples
 * ({@link SampleLoop}). Returns whether the run ended with a terminal event acknowledged by the broker; it did not
 * when this instance gave the run up (shutting down, the request moved to another runner, a hung worker), and the
 * request must then not be acknowledged. Events that did not reach Kafka never end a run nor dead-letter its
 * request: after a back-off the run is taken again as a new attempt, for as long as it takes, while health reports
 * the outage of {@code kafka}.
 */
class RunExecution {

    private static final Logger log = LoggerFactory.getLogger(RunExecution.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    private static final String KAFKA = "kafka";

    private final Catalog catalog;
    private final Runtimes runtimes;
    private final SampleLoop samples;
    private final RunEventPublisher publisher;
    private final CancelledRuns cancelledRuns;
    private final RunMetrics metrics;
    private final Clock clock;
    private final String instanceId;
    private final DependencyOutages outages;

    RunExecution(Catalog catalog, Runtimes runtimes, SampleLoop samples, RunEventPublisher publisher,
            CancelledRuns cancelledRuns, RunMetrics metrics, Clock clock, String instanceId,
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

    /** Runs the request's samples as a new attempt, telling {@code observer} about it. */
    boolean execute(RunRequested request, AttemptObserver observer) {
        return withRetries(request, observer, null);
    }

    /**
     * Ends a run whose earlier attempts were all lost with their runner: {@code BenchmarkFailed(RUNNER_LOST)}, or
     * CANCELLED if it was cancelled meanwhile.
     */
    boolean giveUp(RunRequested request, AttemptObserver observer, AttemptLedger.Entry lost) {
        return withRetries(request, observer, lost);
    }

    private boolean withRetries(RunRequested request, AttemptObserver observer, AttemptLedger.Entry lost) {
        if (cancelledRuns.isAbandoned()) {
            return false;
        }
        String waiter = "run " + request.getRunId();
        try (CancelledRuns.Tracked tracked = cancelledRuns.track(request.getRunId())) {
            Duration delay = FIRST_RETRY;
            while (true) {
                try {
                    return attempt(request, observer, tracked, lost);
                } catch (RunEventPublisher.PublishingFailed e) {
                    if (tracked.isAbandoned()) {
                        return false;
                    }
                    outages.failing(KAFKA, waiter, e);
                    log.warn("Run {}: not every event of its attempt reached Kafka ({}); the run starts again as a "
                            + "new attempt in {}", request.getRunId(), e.getMessage(), delay);
                    if (!observer.pause(delay, tracked::isAbandoned)) {
                        return false;
                    }
                    delay = delay.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay.multipliedBy(2);
                }
            }
        } finally {
            outages.restored(waiter);
        }
    }

    private boolean attempt(RunRequested request, AttemptObserver observer, CancelledRuns.Tracked tracked,
            AttemptLedger.Entry lost) {
        Optional<Benchmark> benchmark = catalog.find(request.getBenchmark());
        Optional<PhpRuntime> runtime = runtimes.find(request.getRuntime()); // probed again if it was unavailable
        AttemptEvents events = new AttemptEvents(request.getRunId(), benchmarkRef(request, benchmark),
                runtimeRef(request, runtime), clock);
        RunEventPublisher.Attempt attempt = publisher.attempt(request.getRunId(), tracked::isAbandoned,
                observer::alive);
        observer.attach(attempt, events);
        log.info("Run {} ({} on {}): attempt {}", request.getRunId(), request.getBenchmark(), request.getRuntime(),
                events.attemptId());
        try {
            Optional<Supplier<BenchmarkFailed>> refusal = refusal(request, benchmark, events, tracked, lost);
            if (refusal.isPresent()) {
                return finish(attempt, refusal.get());
            }
            SampleLoop.Ending ending = metrics.running(() -> samples.run(request, benchmark.get(), runtime.get(),
                    events, attempt, tracked));
            return switch (ending) {
                case SampleLoop.Ending.Completed completed -> {
                    metrics.completed();
                    log.info("Run {} completed {} sample(s)", request.getRunId(), request.getIterations());
                    yield true;
                }
                case SampleLoop.Ending.Failed failed -> finish(attempt, failed.event());
                case SampleLoop.Ending.Abandoned abandoned -> {
                    log.warn("Run {} abandoned by this runner; it runs again as a new attempt", request.getRunId());
                    yield false;
                }
            };
        } catch (RunEventPublisher.PublishingFailed e) {
            throw e;
        } catch (RuntimeException e) {
            if (tracked.isAbandoned()) {
                return false;
            }
            log.error("Run {} failed inside the runner", request.getRunId(), e);
            return finish(attempt, () -> events.failed(0, INTERNAL, "Unexpected error in the runner: " + e, null,
                    null));
        }
    }

    private Optional<Supplier<BenchmarkFailed>> refusal(RunRequested request, Optional<Benchmark> benchmark,
            AttemptEvents events, CancelledRuns.Tracked tracked, AttemptLedger.Entry lost) {
        if (tracked.cancellation().isCancelled()) {
            String by = cancelledRuns.cancelledBy(request.getRunId()).orElse("someone");
            return Optional.of(() -> events.failed(0, CANCELLED, "Cancelled by " + by
                    + " before it started; nothing was executed", null, null));
        }
        if (lost != null) {
            return Optional.of(() -> events.failed(0, RUNNER_LOST, "Runner lost: " + lost.attempts()
                    + " attempt(s) of this run ended without a word from their runner (the last on " + lost.runner()
                    + "): killed, or hung. Not tried again; request the run again once the runners are healthy.",
                    null, null));
        }
        if (benchmark.isEmpty()) {
            return Optional.of(() -> events.failed(0, INTERNAL, "Benchmark '" + request.getBenchmark()
                    + "' is not in the catalog of runner " + instanceId + "; every runner needs the same catalog",
                    null, null));
        }
        return runtimes.problemRunning(benchmark.get().slug(), benchmark.get().requiredPhp(), request.getRuntime())
                .map(problem -> () -> events.failed(0, RUNTIME_UNAVAILABLE, "On runner " + instanceId + ": "
                        + problem, null, null));
    }

    private boolean finish(RunEventPublisher.Attempt attempt, Supplier<BenchmarkFailed> event) {
        BenchmarkFailed failed = attempt.publishTerminal(event);
        metrics.failed(failed.getReason());
        log.info("Run {} failed after {} sample(s): {} {}", failed.getRunId(), failed.getIterationReached(),
                failed.getReason(), failed.getMessage());
        return true;
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
