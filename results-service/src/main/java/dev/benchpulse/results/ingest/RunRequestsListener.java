package dev.benchpulse.results.ingest;

import dev.benchpulse.contracts.EventType;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.results.settings.ResultsProperties;
import dev.benchpulse.support.observability.RunScope;
import dev.benchpulse.support.outage.DependencyUnavailableException;
import java.time.Duration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Records every requested run as QUEUED; the offset is committed after the row is written. A request that breaks
 * the contract is dead-lettered; a write that fails waits for PostgreSQL, however long it is away. The write is
 * part of the run's trace (the record's span), and its logs name the run ({@link RunScope}).
 */
@Component
class RunRequestsListener {

    private final RunWrites runs;
    private final IngestMetrics metrics;
    private final Duration timeout;

    RunRequestsListener(RunWrites runs, IngestMetrics metrics, ResultsProperties properties) {
        this.runs = runs;
        this.metrics = metrics;
        this.timeout = properties.ingest().writeTimeout();
    }

    @KafkaListener(
            id = "results-run-requests",
            idIsGroup = false,
            topics = "#{T(dev.benchpulse.contracts.Topics).RUN_REQUESTS.name()}",
            containerFactory = "runRequestsListenerFactory")
    void on(RunRequested request) {
        try (RunScope run = RunScope.enter(request.getRunId())) {
            EventContract.check(request);
            try {
                runs.requested(request).block(timeout);
            } catch (RuntimeException e) {
                throw new DependencyUnavailableException(BenchmarkEventsListener.DATABASE, e);
            }
            metrics.consumed(EventType.RUN_REQUESTED);
        }
    }
}
