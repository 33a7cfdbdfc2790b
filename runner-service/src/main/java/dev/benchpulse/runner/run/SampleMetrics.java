package dev.benchpulse.runner.run;

import dev.benchpulse.runner.run.SampleOutcome.Failed;
import dev.benchpulse.runner.run.SampleOutcome.Measured;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * Sample metrics: {@code benchpulse.runner.samples} (count, by runtime and outcome) and
 * {@code benchpulse.runner.sample.duration} (wall time of a sample's PHP process, by runtime).
 */
public class SampleMetrics {

    private final MeterRegistry registry;

    public SampleMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String runtime, SampleOutcome outcome, long nanos) {
        String result = switch (outcome) {
            case Measured measured -> "measured";
            case Failed failed -> failed.reason().name().toLowerCase(Locale.ROOT);
        };
        Counter.builder("benchpulse.runner.samples")
                .description("Samples executed, by runtime and outcome")
                .tag("runtime", runtime)
                .tag("outcome", result)
                .register(registry)
                .increment();
        Timer.builder("benchpulse.runner.sample.duration")
                .description("Wall time of one sample's PHP process")
                .tag("runtime", runtime)
                .register(registry)
                .record(Duration.ofNanos(nanos));
    }
}
