package dev.benchpulse.runner.run;

import static dev.benchpulse.contracts.avro.FailureReason.CANCELLED;
import static dev.benchpulse.contracts.avro.FailureReason.INTERNAL;
import static dev.benchpulse.contracts.avro.FailureReason.RUNTIME_UNAVAILABLE;

import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkRef;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.avro.RuntimeRef;
import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.runner.runtime.Runtimes;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one attempt of a requested run: refuses it with a {@code BenchmarkFailed} when it cannot run (cancelled
 * while queued, unknown benchmark, unusable runtime), else takes its samples ({@link SampleLoop}). Returns whether
 * the run ended with a terminal event acknowledged by the broker; it did not when this runner is shutting down, and
 * the request must then be left unacknowledged for another runner.
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
        Optional<Benchmark> benchmark = catalog.find(request.getBenchmark());
        Optional<PhpRuntime> runtime = runtimes.find(request.getRuntime()); // probed again if it was unavailable
        AttemptEvents events = new AttemptEvents(request.getRunId(), benchmarkRef(request, benchmark),
                runtimeRef(request, runtime), clock);
        RunEventPublisher.Attempt attempt = publisher.attempt(request.getRunId());
        log.info("Run {} ({} on {}): attempt {}", request.getRunId(), request.getBenchmark(), request.getRuntime(),
                events.attemptId());
        try (CancelledRuns.Tracked tracked = cancelledRuns.track(request.getRunId())) {
            Optional<BenchmarkFailed> refusal = refusal(request, benchmark, events, tracked);
            if (refusal.isPresent()) {
                return finish(attempt, refusal.get());
            }
            SampleLoop.Ending ending = metrics.running(() -> samples.run(request, benchmark.get(), runtime.get(),
                    events, attempt, tracked.cancellation()));
            return switch (ending) {
                case SampleLoop.Ending.Completed completed -> {
                    metrics.completed();
                    log.info("Run {} completed {} sample(s)", request.getRunId(), request.getIterations());
                    yield true;
                }
                case SampleLoop.Ending.Failed failed -> finish(attempt, failed.event());
                case SampleLoop.Ending.Abandoned abandoned -> {
                    log.warn("Run {} abandoned: this runner is shutting down; another runner will run it again",
                            request.getRunId());
                    yield false;
                }
            };
        } catch (RunEventPublisher.PublishingFailed e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Run {} failed inside the runner", request.getRunId(), e);
            return finish(attempt, events.failed(0, INTERNAL, "Unexpected error in the runner: " + e, null, null));
        }
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

    private boolean finish(RunEventPublisher.Attempt attempt, BenchmarkFailed failed) {
        attempt.publishTerminal(failed);
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
