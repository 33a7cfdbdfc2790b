package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.support.outage.DependencyOutages;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * The run-request consumer of this instance, in the consumer group {@code benchpulse-runner}, on a thread of its own
 * that only talks to Kafka. It hands each request to a worker ({@link RunWorkers}) and pauses the request's
 * partition while the run executes (all partitions while every worker is busy), so it keeps polling however long a
 * run takes and {@code max.poll.interval.ms} stays short. Before an attempt starts, the {@link AttemptLedger} counts
 * it in the committed offset; a request whose attempts were all lost ends as RUNNER_LOST. Only once the run's
 * terminal event is acknowledged does it commit past the request and resume the partition; a lost attempt's request
 * is delivered again. Kafka being away delays all this and loses nothing: nothing is committed or skipped meanwhile,
 * and health reports the outage ({@link DependencyOutages}).
 * A request that cannot be decoded goes to the dead-letter topic. Each request executes inside an observation of its
 * record, as a listener container's would be (its trace goes on in the run's events), and the consumer's client
 * meters carry its group, as those of the services' other consumers do.
 * <p>
 * Not a {@code @KafkaListener}, unlike the services' other consumers: a listener container calls its listener on the
 * consumer thread, so a run there would stop the polls for its whole duration; acknowledging on worker threads
 * instead ({@code asyncAcks}) stops fetching from every partition until all of a poll's records are acknowledged; and
 * the attempt count must be committed, as offset metadata, before a run starts, for a record still in flight.
 */
class RunRequestConsumer implements SmartLifecycle {

    static final String GROUP = WorkerGroup.ID;

    private static final Logger log = LoggerFactory.getLogger(RunRequestConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final String KAFKA = "kafka";
    private static final String WAITER = "run-request consumer";

    private final Supplier<Consumer<byte[], byte[]>> consumers;
    private final String topic;
    private final Deserializer<RunRequested> requests;
    private final RunWorkers workers;
    private final RunRequestDeadLetters deadLetters;
    private final int maxAttempts;
    private final String instanceId;
    private final boolean enabled;
    private final DependencyOutages outages;
    private final ObservationRegistry observations;
    private final MeterRegistry meters;
    private volatile Consumer<byte[], byte[]> consumer;
    private KafkaClientMetrics clientMetrics;
    private volatile boolean running;
    private Thread thread;

    RunRequestConsumer(
            Supplier<Consumer<byte[], byte[]>> consumers,
            String topic,
            Deserializer<RunRequested> requests,
            RunWorkers workers,
            RunRequestDeadLetters deadLetters,
            int maxAttempts,
            String instanceId,
            boolean enabled,
            DependencyOutages outages,
            ObservationRegistry observations,
            MeterRegistry meters) {
        this.consumers = consumers;
        this.topic = topic;
        this.requests = requests;
        this.workers = workers;
        this.deadLetters = deadLetters;
        this.maxAttempts = maxAttempts;
        this.instanceId = instanceId;
        this.enabled = enabled;
        this.outages = outages;
        this.observations = observations;
        this.meters = meters;
    }

    @Override
    public void start() {
        consumer = consumers.get();
        if (meters != null) { // the consumer's client meters, tagged with its group (the request queues' lag)
            // the same tag keys as the meters of the service's other consumers: Prometheus wants one set per name
            clientMetrics = new KafkaClientMetrics(
                    consumer,
                    List.of(
                            Tag.of("spring.id", "run-requests"),
                            Tag.of("group", consumer.groupMetadata().groupId())));
            clientMetrics.bindTo(meters);
        }
        running = true;
        thread = Thread.ofPlatform().name("run-requests").start(this::loop);
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (running) {
                try {
                    settle();
                    holdBusyPartitions();
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        dispatch(record);
                    }
                    outages.restored(WAITER);
                } catch (WakeupException e) {
                    // stop() woke the poll up
                } catch (KafkaException e) {
                    outages.failing(KAFKA, WAITER, e);
                    sleep(RETRY);
                } catch (RuntimeException e) {
                    log.error("The run-request consumer failed; it goes on in {}", RETRY, e);
                    sleep(RETRY);
                }
            }
        } finally {
            giveBackUnfinished();
            consumer.close(Duration.ofSeconds(5));
            if (clientMetrics != null) {
                clientMetrics.close();
            }
        }
    }

    /** Commits past the finished runs (resuming their partitions), and delivers the requests of lost runs again. */
    private void settle() {
        for (InFlightRun run : workers.settled()) {
            if (run.state() == InFlightRun.State.FINISHED) {
                consumer.commitSync(Map.of(run.partition(), new OffsetAndMetadata(run.offset() + 1)), COMMIT_TIMEOUT);
            } else if (consumer.assignment().contains(run.partition())) {
                consumer.seek(run.partition(), run.offset()); // lost or given up: its request comes again
            }
            workers.forget(run);
        }
    }

    private void holdBusyPartitions() {
        Set<TopicPartition> assigned = consumer.assignment();
        Set<TopicPartition> hold = new HashSet<>(assigned);
        if (workers.accepting() && !workers.full()) {
            hold.retainAll(workers.busyPartitions());
        }
        Set<TopicPartition> release = new HashSet<>(consumer.paused());
        release.removeAll(hold);
        release.retainAll(assigned);
        consumer.pause(hold);
        consumer.resume(release);
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        if (!workers.accepting() || workers.full() || workers.busyPartitions().contains(partition)) {
            consumer.seek(partition, record.offset()); // taken when a worker and the partition are free
            return;
        }
        try {
            Optional<RunRequested> request = decode(record);
            if (request.isPresent()) {
                start(partition, record.offset(), request.get(), observation(record));
            }
        } catch (RuntimeException e) {
            consumer.seek(partition, record.offset()); // not taken: it comes again
            throw e;
        }
    }

    private Optional<RunRequested> decode(ConsumerRecord<byte[], byte[]> record) {
        RuntimeException failure;
        try {
            RunRequested request = requests.deserialize(record.topic(), record.headers(), record.value());
            if (request != null) {
                return Optional.of(request);
            }
            failure = new SerializationException("The record has no value");
        } catch (RuntimeException e) {
            failure = e;
        }
        deadLetters.park(record, consumer, failure);
        consumer.commitSync(
                Map.of(
                        new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1)),
                COMMIT_TIMEOUT);
        return Optional.empty();
    }

    /**
     * The observation of a request's execution, as a listener container makes one for each record: it continues the
     * trace in the record's headers (that of {@code POST /api/runs}), so the run's events carry it on.
     */
    private Observation observation(ConsumerRecord<byte[], byte[]> record) {
        String group = consumer.groupMetadata().groupId();
        return KafkaListenerObservation.LISTENER_OBSERVATION.observation(
                null,
                KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                () -> new KafkaRecordReceiverContext(record, "run-requests", "runner-" + instanceId, group, () -> null),
                observations);
    }

    private void start(TopicPartition partition, long offset, RunRequested request, Observation observation) {
        OffsetAndMetadata committed =
                consumer.committed(Set.of(partition), COMMIT_TIMEOUT).get(partition);
        Optional<AttemptLedger.Entry> before = AttemptLedger.previous(committed, offset, request.getRunId());
        if (before.isPresent() && before.get().attempts() >= maxAttempts) {
            log.error(
                    "Run {}: {} attempt(s) ended without a word from their runner (the last on {}); it fails as "
                            + "RUNNER_LOST",
                    request.getRunId(),
                    before.get().attempts(),
                    before.get().runner());
            workers.start(partition, offset, request, before.get(), before.get(), observation);
        } else {
            AttemptLedger.Entry entry = before.map(b -> b.next(instanceId))
                    .orElseGet(() -> AttemptLedger.Entry.first(request.getRunId(), instanceId));
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset, entry.metadata())), COMMIT_TIMEOUT);
            before.ifPresent(b -> log.warn(
                    "Run {}: attempt {} of at most {}, after {} attempt(s) lost with their "
                            + "runner (the last on {})",
                    request.getRunId(),
                    entry.attempts(),
                    maxAttempts,
                    b.attempts(),
                    b.runner()));
            workers.start(partition, offset, request, before.orElse(null), null, observation);
        }
        consumer.pause(List.of(partition));
    }

    /**
     * On the way out: commits past what finished, and gives the attempts count back for what did not (the runs
     * this instance abandoned were not lost: shutting down is no fault of theirs).
     */
    private void giveBackUnfinished() {
        try {
            workers.awaitSettled(Duration.ofSeconds(5));
            for (InFlightRun run : workers.settled()) {
                commitQuietly(run);
                workers.forget(run);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void commitQuietly(InFlightRun run) {
        if (run.state() == InFlightRun.State.LOST) {
            return; // its attempt counts: the request comes again with the count committed when it started
        }
        try {
            consumer.commitSync(Map.of(run.partition(), afterGivingUp(run)), COMMIT_TIMEOUT);
        } catch (KafkaException e) {
            log.warn(
                    "Run {}: could not commit its offset when giving it up ({}); the next runner takes it as is",
                    run.runId(),
                    e.toString());
        }
    }

    /** Past a finished run; at a given-up run, with the attempts count it had before this instance took it. */
    private static OffsetAndMetadata afterGivingUp(InFlightRun run) {
        if (run.state() == InFlightRun.State.FINISHED) {
            return new OffsetAndMetadata(run.offset() + 1);
        }
        AttemptLedger.Entry before = run.ledgerBefore();
        return before == null
                ? new OffsetAndMetadata(run.offset())
                : new OffsetAndMetadata(run.offset(), before.metadata());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        running = false;
        ConsumerThreads.wakeAndJoin(consumer, thread, Duration.ofSeconds(15));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Off when this instance only serves the HTTP API ({@code benchpulse.runner.worker.enabled=false}). */
    @Override
    public boolean isAutoStartup() {
        return enabled;
    }

    /** After the control-topic reader and the attempt watch, before {@link WorkerShutdown} stops the runs. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /**
     * Partitions moving to another runner (cooperative rebalancing moves only those): a finished run is committed
     * while the partition is still ours, a running one is abandoned there (the other runner takes it as a new
     * attempt, which is not counted as lost). Partitions lost without a say: their runs are abandoned.
     */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            for (InFlightRun run : workers.on(partitions)) {
                workers.abandon(run);
                commitQuietly(run);
                workers.forget(run);
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            for (InFlightRun run : workers.on(partitions)) {
                workers.abandon(run);
                workers.forget(run);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.info("Runner {} takes run requests from {}", instanceId, partitions);
            }
        }
    }
}
