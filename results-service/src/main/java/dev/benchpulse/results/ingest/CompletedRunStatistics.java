package dev.benchpulse.results.ingest;

import dev.benchpulse.results.runs.SampleRepository;
import dev.benchpulse.results.runs.StatisticsRepository;
import dev.benchpulse.results.statistics.RunStatisticsCalculator;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Computes and stores the statistics of a run the moment it completes, from every sample of its attempt. */
@Component
class CompletedRunStatistics {

    private final SampleRepository samples;
    private final StatisticsRepository statistics;

    CompletedRunStatistics(SampleRepository samples, StatisticsRepository statistics) {
        this.samples = samples;
        this.statistics = statistics;
    }

    Mono<Void> store(UUID runId) {
        return samples.measurements(runId)
                .mapNotNull(RunStatisticsCalculator::of)
                .flatMap(computed -> statistics.save(runId, computed))
                .then();
    }
}
