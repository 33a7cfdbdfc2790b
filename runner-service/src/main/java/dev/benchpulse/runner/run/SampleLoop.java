package dev.benchpulse.runner.run;

import static dev.benchpulse.contracts.avro.FailureReason.CANCELLED;
import static dev.benchpulse.contracts.avro.FailureReason.TIMEOUT;

import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.avro.Sample;
import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.runtime.PhpRuntime;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Takes a run's samples one after another: publishes {@code BenchmarkStarted}, a {@code BenchmarkProgress} per
 * sample, and {@code BenchmarkCompleted} once all are taken (waiting for the broker's acknowledgement); a failed
 * sample ends the loop with the {@code BenchmarkFailed} to publish.
 */
class SampleLoop {

    /** How the loop ended. */
    sealed interface Ending {
        /** Every sample taken; {@code BenchmarkCompleted} published. */
        record Completed() implements Ending {
        }

        /**
         * A sample failed, the run was cancelled or took too long.
         *
         * @param event builds the terminal event to publish (its sequence is taken when it is sent)
         */
        record Failed(Supplier<BenchmarkFailed> event) implements Ending {
        }

        /** This runner gave the run up (shutting down, request moved, worker hung): nothing more is published. */
        record Abandoned() implements Ending {
        }
    }

    private final SampleExecutor executor;
    private final CancelledRuns cancelledRuns;
    private final String instanceId;
    private final Duration maxRunDuration;

    SampleLoop(SampleExecutor executor, CancelledRuns cancelledRuns, String instanceId, Duration maxRunDuration) {
        this.executor = executor;
        this.cancelledRuns = cancelledRuns;
        this.instanceId = instanceId;
        this.maxRunDuration = maxRunDuration;
    }

    Ending run(RunRequested request, Benchmark definition, PhpRuntime runtime, AttemptEvents events,
            RunEventPublisher.Attempt published, CancelledRuns.Tracked tracked) {
        Benchmark benchmark = definition.withIterations(
                Optional.ofNullable(request.getWarmupIterations()).orElse(definition.warmupIterations()),
                Optional.ofNullable(request.getInnerIterations()).orElse(definition.innerIterations()));
        int total = request.getIterations();
        long start = System.nanoTime();
        published.publish(() -> events.started(total, benchmark.warmupIterations(), benchmark.innerIterations(),
                instanceId));
        for (int i = 1; i <= total; i++) {
            if (System.nanoTime() - start > maxRunDuration.toNanos()) {
                int reached = i - 1;
                return new Ending.Failed(() -> events.failed(reached, TIMEOUT, "The run took longer than "
                        + maxRunDuration + " (benchpulse.runner.worker.max-run-duration); take fewer or shorter samples",
                        null, null));
            }
            SampleOutcome outcome = executor.run(runtime, benchmark, tracked.cancellation());
            if (tracked.isAbandoned()) {
                return new Ending.Abandoned();
            }
            if (outcome instanceof SampleOutcome.Failed failed) {
                int reached = i - 1;
                String message = message(request, failed, i, total);
                return new Ending.Failed(() -> events.failed(reached, failed.reason(), message, failed.section(),
                        failed.line()));
            }
            SampleOutcome.Measured measured = (SampleOutcome.Measured) outcome;
            int iteration = i;
            published.publish(() -> events.progress(iteration, total, new Sample(measured.nanosPerOperation(),
                    measured.report().memoryUsedBytes(), measured.report().peakMemoryBytes())));
        }
        long wallTime = Duration.ofNanos(System.nanoTime() - start).toMillis();
        published.publishTerminal(() -> events.completed(total, wallTime));
        return new Ending.Completed();
    }

    private String message(RunRequested request, SampleOutcome.Failed failed, int iteration, int total) {
        if (failed.reason() == CANCELLED) {
            return "Cancelled by " + cancelledRuns.cancelledBy(request.getRunId()).orElse("someone") + " during sample "
                    + iteration + " of " + total + "; its PHP process was killed";
        }
        return failed.message();
    }
}
