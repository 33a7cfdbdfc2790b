package dev.benchpulse.runner.calibration;

import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.execution.SampleExecutor;
import dev.benchpulse.runner.execution.SampleOutcome;
import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.runtime.PhpRuntime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/**
 * Finds the inner iterations that make one sample's measured loop last about a target time: it grows the loop
 * from one iteration until it is long enough to time reliably, estimates the time per operation, and checks the
 * estimate with one more sample at the suggested size.
 */
class Calibrator {

    /** Loops shorter than this are too short to extrapolate from. */
    static final Duration RELIABLE = Duration.ofMillis(20);
    static final long MAX_INNER = 1_000_000_000L;

    private final SampleExecutor executor;

    Calibrator(SampleExecutor executor) {
        this.executor = executor;
    }

    Calibration calibrate(Benchmark benchmark, PhpRuntime runtime, Duration target) {
        long inner = 1;
        int samples = 0;
        SampleOutcome.Measured measured;
        while (true) {
            measured = sample(benchmark, runtime, inner);
            samples++;
            long elapsed = measured.report().elapsedNanos();
            if (elapsed >= RELIABLE.toNanos() || inner >= MAX_INNER) {
                break;
            }
            long factor = elapsed <= 0 ? 100 : Math.clamp(2 * RELIABLE.toNanos() / elapsed + 1, 2, 100);
            inner = Math.min(MAX_INNER, inner * factor);
        }
        long estimate = suggestion(target, measured.nanosPerOperation());
        SampleOutcome.Measured verified = sample(benchmark, runtime, estimate);
        samples++;
        return new Calibration(benchmark.slug(), runtime.id(), target.toMillis(),
                suggestion(target, verified.nanosPerOperation()), benchmark.innerIterations(),
                verified.nanosPerOperation(), verified.report().elapsedNanos() / 1e6, samples);
    }

    private SampleOutcome.Measured sample(Benchmark benchmark, PhpRuntime runtime, long inner) {
        SampleOutcome outcome = executor.run(runtime, benchmark.withIterations(benchmark.warmupIterations(),
                (int) Math.min(Integer.MAX_VALUE, inner)), Cancellation.none());
        return switch (outcome) {
            case SampleOutcome.Measured m -> m;
            case SampleOutcome.Failed f -> throw new CalibrationFailedException(benchmark.slug(), runtime.id(), inner, f);
        };
    }

    /** Target time over time per operation, rounded to two significant digits, within 1..MAX_INNER. */
    static long suggestion(Duration target, double nanosPerOperation) {
        double raw = target.toNanos() / Math.max(nanosPerOperation, 1e-3);
        long rounded = new BigDecimal(raw).round(new MathContext(2)).longValue();
        return Math.clamp(rounded, 1, MAX_INNER);
    }
}
