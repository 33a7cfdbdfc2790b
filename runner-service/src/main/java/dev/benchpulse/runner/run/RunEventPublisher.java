package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.support.outage.DependencyUnavailableException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.avro.specific.SpecificRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes a run's lifecycle on {@code Topics.BENCHMARK_EVENTS}, keyed by run id, with the idempotent producer:
 * progress is sent without waiting (order is kept by the producer), and the terminal event is only reported
 * published once the broker acknowledged it and everything sent before it.
 */
class RunEventPublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(60);

    private final KafkaTemplate<String, SpecificRecord> template;

    RunEventPublisher(KafkaTemplate<String, SpecificRecord> template) {
        this.template = template;
    }

    Attempt attempt(UUID runId) {
        return new Attempt(runId.toString());
    }

    /** The events of one attempt. */
    final class Attempt {

        private final String key;
        private final List<CompletableFuture<?>> pending = new ArrayList<>();

        private Attempt(String key) {
            this.key = key;
        }

        void publish(SpecificRecord event) {
            pending.add(template.send(Topics.BENCHMARK_EVENTS.name(), key, event));
        }

        /** Publishes the last event and waits until the broker has acknowledged every event of the attempt. */
        void publishTerminal(SpecificRecord event) {
            publish(event);
            try {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                        .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishingFailed("Interrupted while publishing the events of run " + key, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new PublishingFailed("Could not publish the events of run " + key + " to "
                        + Topics.BENCHMARK_EVENTS.name(), e);
            }
        }
    }

    /**
     * The broker did not acknowledge a run's events: Kafka's fault, never the request's. The request is not
     * acknowledged either, and the shared error handler retries it without limit (never dead-letters it) while
     * health reports the outage of {@code kafka}.
     */
    static final class PublishingFailed extends DependencyUnavailableException {
        PublishingFailed(String message, Throwable cause) {
            super("kafka", new IllegalStateException(message, cause));
        }
    }
}
