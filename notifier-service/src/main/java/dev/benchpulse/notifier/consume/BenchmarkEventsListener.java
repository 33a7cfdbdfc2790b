package dev.benchpulse.notifier.consume;

import dev.benchpulse.contracts.Events;
import dev.benchpulse.notifier.relay.Delivery;
import dev.benchpulse.notifier.relay.RunRelays;
import dev.benchpulse.support.observability.RunScope;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * Hands each lifecycle event to its run's relay together with the means to commit it once settled. Never waits for
 * the hub: relaying is asynchronous. The event's run is named in the logs and on the record's span ({@link RunScope}).
 * A partition that runs too far ahead of its oldest unsettled event is paused through this listener's container.
 */
@Component
class BenchmarkEventsListener {

    /** Id of the listener container, for tests and operations that look it up in the registry. */
    static final String ID = "notifier-benchmark-events";

    private final RunRelays relays;
    private final CommitTracker commits;

    BenchmarkEventsListener(RunRelays relays, CommitTracker commits, KafkaListenerEndpointRegistry containers) {
        this.relays = relays;
        this.commits = commits;
        // Looked up when a partition is paused, long after the registry has created the container.
        commits.gate(new PartitionGate(
                p -> containers.getListenerContainer(ID).pausePartition(p),
                p -> containers.getListenerContainer(ID).resumePartition(p)));
    }

    @KafkaListener(
            id = ID,
            idIsGroup = false,
            topics = "#{T(dev.benchpulse.contracts.Topics).BENCHMARK_EVENTS.name()}",
            containerFactory = "benchmarkEventsListenerFactory")
    void onMessage(ConsumerRecord<String, SpecificRecord> record, Acknowledgment acknowledgment) {
        Delivery delivery = commits.track(record, acknowledgment);
        try (RunScope run = RunScope.enter(record.value() == null ? null : Events.runId(record.value()))) {
            relays.accept(record.value(), delivery);
        } catch (RuntimeException e) {
            // The error handler retries the record, then parks it on the dead-letter topic; do not hold commits.
            delivery.settled();
            throw e;
        }
    }
}
