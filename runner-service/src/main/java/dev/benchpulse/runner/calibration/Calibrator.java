package dev.benchpulse.runner.calibration;

import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.run.SampleExecutor;
import dev.benchpulse.runner.run.SampleOutcome;
import dev.benchpulse.runner.runtime.PhpRuntime;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;

/**
 * Finds the inner iterations that make one sample's measured loop last about a target time: it grows the loop
 * from one iteration until it is long enough to time reliably, estimates the time per operation, then checks the
 * estimate with samples at the suggested size (a short loop often runs faster or slower per operation than a long
 * one) until one lasts about the target time.
 */
class Calibrator {

    /** Loops shorter than this are too short to extrapolate from. */
    static final Duration RELIABLE = Duration.ofMillis(20);

    static final long MAX_INNER = 1_000_000_000L;
    /** A check sample within this fraction of the target ends the calibration. */
    static final double TOLERANCE = 0.25;

    static final int MAX_CHECKS = 3;

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
        for (int check = 0; check < MAX_CHECKS; check++) {
            measured = sample(benchmark, runtime, estimate);
            samples++;
            double ratio = measured.report().elapsedNanos() / (double) target.toNanos();
            estimate = suggestion(target, measured.nanosPerOperation());
            if (ratio > 1 - TOLERANCE && ratio < 1 + TOLERANCE) {
                break;
            }
        }
        return new Calibration(
                benchmark.slug(),
                runtime.id(),
                target.toMillis(),
                estimate,
                benchmark.innerIterations(),
                measured.nanosPerOperation(),
                measured.report().elapsedNanos() / 1e6,
                samples);
    }

    private SampleOutcome.Measured sample(Benchmark benchmark, PhpRuntime runtime, long inner) {
        SampleOutcome outcome = executor.run(
                runtime,
                benchmark.withIterations(benchmark.warmupIterations(), (int) Math.min(Integer.MAX_VALUE, inner)),
                Cancellation.none());
        return switch (outcome) {
            case SampleOutcome.Measured m -> m;
            case SampleOutcome.Failed f ->
                throw new CalibrationFailedException(benchmark.slug(), runtime.id(), inner, f);
        };
    }

    /** Target time over time per operation, rounded to two significant digits, within 1..MAX_INNER. */
    static long suggestion(Duration target, double nanosPerOperation) {
        double raw = target.toNanos() / Math.max(nanosPerOperation, 1e-3);
        long rounded = new BigDecimal(raw).round(new MathContext(2)).longValue();
        return Math.clamp(rounded, 1, MAX_INNER);
    }
}
