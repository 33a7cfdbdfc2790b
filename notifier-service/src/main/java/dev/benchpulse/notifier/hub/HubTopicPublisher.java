package dev.benchpulse.notifier.hub;

import dev.benchpulse.contracts.avro.HubUpdate;
import dev.benchpulse.notifier.metrics.NotifierMetrics;
import dev.benchpulse.notifier.relay.UpdatePublisher;
import dev.benchpulse.notifier.update.MercureUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends updates to a hub cluster without a request per update: each one is produced straight to the cluster's
 * Kafka topic, where every hub instance reads it. The producer batches the updates of all runs that are waiting
 * (linger), idempotent with {@code acks=all}; an update counts as sent once Kafka has it. The record is the one the
 * hub writes for an HTTP publish of the same update (same id, topic, private flag and data), so subscribers cannot
 * tell the two paths apart, and a record sent twice (a retry after a lost acknowledgement) is dispatched once.
 */
final class HubTopicPublisher implements UpdatePublisher {

    private static final Logger log = LoggerFactory.getLogger(HubTopicPublisher.class);

    private final KafkaTemplate<String, HubUpdate> template;
    private final JsonMapper json;
    private final Scheduler scheduler;
    private final NotifierMetrics metrics;
    private final AtomicBoolean failing = new AtomicBoolean();

    HubTopicPublisher(
            KafkaTemplate<String, HubUpdate> template, JsonMapper json, Scheduler scheduler, NotifierMetrics metrics) {
        this.template = template;
        this.json = json;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    @Override
    public Mono<Instant> publish(MercureUpdate update) {
        return Mono.defer(() -> {
            Instant sentAt = Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS));
            HubUpdate record = new HubUpdate(
                    update.id(),
                    List.of(update.topic()),
                    json.writeValueAsString(update.data().sentAt(sentAt)),
                    true,
                    null,
                    null,
                    sentAt);
            long start = System.nanoTime();
            // send() waits for the topic's metadata while the broker is away: never on a non-blocking thread
            return Mono.fromFuture(() -> template.sendDefault(update.id(), record), true)
                    .subscribeOn(Schedulers.boundedElastic())
                    .doOnSuccess(result -> {
                        metrics.publishRequest(Duration.ofNanos(System.nanoTime() - start), true);
                        if (failing.compareAndSet(true, false)) {
                            log.info("The hub cluster's topic takes updates again");
                        }
                    })
                    .doOnError(error -> {
                        metrics.publishRequest(Duration.ofNanos(System.nanoTime() - start), false);
                        if (failing.compareAndSet(false, true)) {
                            log.warn(
                                    "Cannot write updates to the hub cluster's topic ({}); they are kept and tried "
                                            + "again",
                                    error.toString());
                        }
                    })
                    .thenReturn(sentAt);
        });
    }
}
