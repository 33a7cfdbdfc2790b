package dev.benchpulse.notifier.consume;

import dev.benchpulse.contracts.Events;
import dev.benchpulse.notifier.relay.Delivery;
import dev.benchpulse.notifier.relay.RunRelays;
import dev.benchpulse.support.observability.RunScope;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.AcknowledgingMessageListener;
import org.springframework.kafka.support.Acknowledgment;

/**
 * Hands each lifecycle event to its run's relay together with the means to commit it once settled. Never waits for
 * the hub: relaying is asynchronous. The event's run is named in the logs and on the record's span ({@link RunScope}).
 */
final class BenchmarkEventsListener implements AcknowledgingMessageListener<String, SpecificRecord> {

    private final RunRelays relays;
    private final CommitTracker commits;

    BenchmarkEventsListener(RunRelays relays, CommitTracker commits) {
        this.relays = relays;
        this.commits = commits;
    }

    @Override
    public void onMessage(ConsumerRecord<String, SpecificRecord> record, Acknowledgment acknowledgment) {
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
