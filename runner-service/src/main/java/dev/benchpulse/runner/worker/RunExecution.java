package dev.benchpulse.runner.worker;

import static dev.benchpulse.contracts.avro.FailureReason.CANCELLED;
import static dev.benchpulse.contracts.avro.FailureReason.INTERNAL;
import static dev.benchpulse.contracts.avro.FailureReason.RUNTIME_UNAVAILABLE;
import static dev.benchpulse.contracts.avro.FailureReason.TIMEOUT;

import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkRef;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.avro.RuntimeRef;
import dev.benchpulse.contracts.avro.Sample;
import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.execution.SampleExecutor;
import dev.benchpulse.runner.execution.SampleOutcome;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.runner.runtime.Runtimes;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Executes one attempt of a requested run: checks it can run, publishes {@code BenchmarkStarted}, takes the
 * samples one after another publishing a {@code BenchmarkProgress} each, and ends with {@code BenchmarkCompleted}
 * or {@code BenchmarkFailed}. Returns once the terminal event is acknowledged by the broker.
 */
class RunExecution {

    private static final Logger log = LoggerFactory.getLogger(RunExecution.class);

    private final Catalog catalog;
    private final Runtimes runtimes;
    private final SampleExecutor executor;
    private final RunEventPublisher publisher;
    private final CancelledRuns cancelledRuns;
    private final RunMetrics metrics;
    private final Clock clock;
    private final String instanceId;
    private final Duration maxRunDuration;

    RunExecution(Catalog catalog, Runtimes runtimes, SampleExecutor executor, RunEventPublisher publisher,
            CancelledRuns cancelledRuns, RunMetrics metrics, Clock clock, String instanceId, Duration maxRunDuration) {
        this.catalog = catalog;
        this.runtimes = runtimes;
        this.executor = executor;
        this.publisher = publisher;
        this.cancelledRuns = cancelledRuns;
        this.metrics = metrics;
        this.clock = clock;
        this.instanceId = instanceId;
        this.maxRunDuration = maxRunDuration;
    }

    void execute(RunRequested request) {
        Optional<Benchmark> benchmark = catalog.find(request.getBenchmark());
        Optional<PhpRuntime> runtime = runtimes.find(request.getRuntime());  // probed again if it was unavailable
        AttemptEvents events = new AttemptEvents(request.getRunId(), benchmarkRef(request, benchmark),
                runtimeRef(request, runtime), clock);
        RunEventPublisher.Attempt attempt = publisher.attempt(request.getRunId());
        log.info("Run {} ({} on {}): attempt {}", request.getRunId(), request.getBenchmark(), request.getRuntime(),
                events.attemptId());
        try (CancelledRuns.Tracked tracked = cancelledRuns.track(request.getRunId())) {
            Attempt run = new Attempt(request, events, attempt, tracked);
            Optional<BenchmarkFailed> refusal = run.refusal(benchmark, runtime);
            if (refusal.isPresent()) {
                finish(attempt, refusal.get());
            } else {
                metrics.running(() -> run.samples(benchmark.get(), runtime.get()));
            }
        } catch (RunEventPublisher.PublishingFailed e) {
            throw e;
        } catch (RuntimeException e) {
            log.error("Run {} failed inside the runner", request.getRunId(), e);
            finish(attempt, events.failed(0, INTERNAL, "Unexpected error in the runner: " + e, null, null));
        }
    }

    private void finish(RunEventPublisher.Attempt attempt, BenchmarkFailed failed) {
        attempt.publishTerminal(failed);
        metrics.failed(failed.getReason());
        log.info("Run {} failed after {} sample(s): {} {}", failed.getRunId(), failed.getIterationReached(),
                failed.getReason(), failed.getMessage());
    }

    /** The state of one attempt. */
    private final class Attempt {

        private final RunRequested request;
        private final AttemptEvents events;
        private final RunEventPublisher.Attempt published;
        private final CancelledRuns.Tracked tracked;

        Attempt(RunRequested request, AttemptEvents events, RunEventPublisher.Attempt published,
                CancelledRuns.Tracked tracked) {
            this.request = request;
            this.events = events;
            this.published = published;
            this.tracked = tracked;
        }

        Optional<BenchmarkFailed> refusal(Optional<Benchmark> benchmark, Optional<PhpRuntime> runtime) {
            if (tracked.cancellation().isCancelled()) {
                return Optional.of(events.failed(0, CANCELLED, "Cancelled by " + cancelledBy()
                        + " before it started; nothing was executed", null, null));
            }
            if (benchmark.isEmpty()) {
                return Optional.of(events.failed(0, INTERNAL, "Benchmark '" + request.getBenchmark()
                        + "' is not in the catalog of runner " + instanceId + "; every runner needs the same catalog",
                        null, null));
            }
            return runtimes.problemRunning(benchmark.get().slug(), benchmark.get().requiredPhp(), request.getRuntime())
                    .map(message -> events.failed(0, RUNTIME_UNAVAILABLE, "On runner " + instanceId + ": " + message,
                            null, null));
        }

        void samples(Benchmark definition, PhpRuntime runtime) {
            Benchmark benchmark = definition.withIterations(
                    Optional.ofNullable(request.getWarmupIterations()).orElse(definition.warmupIterations()),
                    Optional.ofNullable(request.getInnerIterations()).orElse(definition.innerIterations()));
            int total = request.getIterations();
            long start = System.nanoTime();
            published.publish(events.started(total, benchmark.warmupIterations(), benchmark.innerIterations(), instanceId));
            for (int i = 1; i <= total; i++) {
                if (System.nanoTime() - start > maxRunDuration.toNanos()) {
                    finish(published, events.failed(i - 1, TIMEOUT, "The run took longer than " + maxRunDuration
                            + " (benchpulse.runner.worker.max-run-duration); take fewer or shorter samples", null, null));
                    return;
                }
                SampleOutcome outcome = executor.run(runtime, benchmark, tracked.cancellation());
                if (outcome instanceof SampleOutcome.Failed failed) {
                    finish(published, events.failed(i - 1, failed.reason(), message(failed, i, total),
                            failed.section(), failed.line()));
                    return;
                }
                SampleOutcome.Measured measured = (SampleOutcome.Measured) outcome;
                published.publish(events.progress(i, total, new Sample(measured.nanosPerOperation(),
                        measured.report().memoryUsedBytes(), measured.report().peakMemoryBytes())));
            }
            published.publishTerminal(events.completed(total, Duration.ofNanos(System.nanoTime() - start).toMillis()));
            metrics.completed();
            log.info("Run {} completed {} sample(s)", request.getRunId(), total);
        }

        private String message(SampleOutcome.Failed failed, int iteration, int total) {
            if (failed.reason() == CANCELLED) {
                return "Cancelled by " + cancelledBy() + " during sample " + iteration + " of " + total
                        + "; its PHP process was killed";
            }
            return failed.message();
        }

        private String cancelledBy() {
            return cancelledRuns.cancelledBy(request.getRunId()).orElse("someone");
        }
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
