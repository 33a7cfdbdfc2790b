package dev.benchpulse.results.history;

import dev.benchpulse.results.settings.ResultsProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The regression threshold of a benchmark: its own if set, the configured default otherwise. */
@Component
class Thresholds {

    private final BenchmarkSettingRepository settings;
    private final double defaultThreshold;

    Thresholds(BenchmarkSettingRepository settings, ResultsProperties properties) {
        this.settings = settings;
        this.defaultThreshold = properties.analysis().regressionThreshold();
    }

    Mono<Double> of(String benchmark) {
        return settings.findById(benchmark)
                .map(BenchmarkSetting::regressionThreshold)
                .defaultIfEmpty(defaultThreshold);
    }

    Mono<Double> set(String benchmark, double threshold) {
        return settings.upsert(benchmark, threshold).thenReturn(threshold);
    }

    Mono<Double> reset(String benchmark) {
        return settings.deleteById(benchmark).thenReturn(defaultThreshold);
    }
}
