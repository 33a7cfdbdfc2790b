package dev.benchpulse.runner.run;

import static dev.benchpulse.contracts.avro.FailureReason.CANCELLED;
import static dev.benchpulse.contracts.avro.FailureReason.TIMEOUT;

import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.avro.Sample;
import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.runtime.PhpRuntime;

import java.time.Duration;
import java.util.Optional;

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
         * @param event the terminal event to publish
         */
        record Failed(BenchmarkFailed event) implements Ending {
        }

        /** The runner is shutting down: nothing more is published, the request goes to another runner. */
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
            RunEventPublisher.Attempt published, Cancellation cancellation) {
        Benchmark benchmark = definition.withIterations(
                Optional.ofNullable(request.getWarmupIterations()).orElse(definition.warmupIterations()),
                Optional.ofNullable(request.getInnerIterations()).orElse(definition.innerIterations()));
        int total = request.getIterations();
        long start = System.nanoTime();
        published.publish(events.started(total, benchmark.warmupIterations(), benchmark.innerIterations(), instanceId));
        for (int i = 1; i <= total; i++) {
            if (System.nanoTime() - start > maxRunDuration.toNanos()) {
                return new Ending.Failed(events.failed(i - 1, TIMEOUT, "The run took longer than " + maxRunDuration
                        + " (benchpulse.runner.worker.max-run-duration); take fewer or shorter samples", null, null));
            }
            SampleOutcome outcome = executor.run(runtime, benchmark, cancellation);
            if (outcome instanceof SampleOutcome.Failed failed) {
                return failed.reason() == CANCELLED && cancelledRuns.isAbandoned()
                        ? new Ending.Abandoned()
                        : new Ending.Failed(events.failed(i - 1, failed.reason(), message(request, failed, i, total),
                                failed.section(), failed.line()));
            }
            SampleOutcome.Measured measured = (SampleOutcome.Measured) outcome;
            published.publish(events.progress(i, total, new Sample(measured.nanosPerOperation(),
                    measured.report().memoryUsedBytes(), measured.report().peakMemoryBytes())));
        }
        published.publishTerminal(events.completed(total, Duration.ofNanos(System.nanoTime() - start).toMillis()));
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
