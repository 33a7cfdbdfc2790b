package dev.benchpulse.results.ingest;

import dev.benchpulse.contracts.EventType;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.results.system.ResultsProperties;

import java.time.Duration;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Records every requested run as QUEUED; the offset is committed after the row is written. */
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

    @KafkaListener(id = "results-run-requests", idIsGroup = false,
            topics = "#{T(dev.benchpulse.contracts.Topics).RUN_REQUESTS.name()}",
            containerFactory = "runRequestsListenerFactory")
    void on(RunRequested request) {
        runs.requested(request).block(timeout);
        metrics.consumed(EventType.RUN_REQUESTED);
    }
}
