package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.avro.FailureReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Run metrics: {@code benchpulse.runner.runs.completed}, {@code benchpulse.runner.runs.failed} (by reason),
 * {@code benchpulse.runner.runs.active} and {@code benchpulse.runner.attempts.lost} (attempts whose worker hung).
 */
class RunMetrics {

    private final MeterRegistry registry;
    private final AtomicInteger active = new AtomicInteger();

    RunMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("benchpulse.runner.runs.active", active, AtomicInteger::get)
                .description("Runs this instance is executing")
                .register(registry);
    }

    /** Counts {@code runs} as active while {@code run} takes their samples. */
    <T> T running(int runs, Supplier<T> run) {
        active.addAndGet(runs);
        try {
            return run.get();
        } finally {
            active.addAndGet(-runs);
        }
    }

    void completed() {
        Counter.builder("benchpulse.runner.runs.completed")
                .description("Runs that took all their samples")
                .register(registry)
                .increment();
    }

    void lost() {
        Counter.builder("benchpulse.runner.attempts.lost")
                .description("Attempts this instance abandoned because their worker made no headway")
                .register(registry)
                .increment();
    }

    void failed(FailureReason reason) {
        Counter.builder("benchpulse.runner.runs.failed")
                .description("Runs that failed, by reason")
                .tag("reason", reason.name())
                .register(registry)
                .increment();
    }
}
