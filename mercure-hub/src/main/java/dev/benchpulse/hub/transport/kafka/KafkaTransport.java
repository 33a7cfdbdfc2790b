package dev.benchpulse.hub.transport.kafka;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.HubUpdate;
import dev.benchpulse.hub.settings.HubProperties;
import dev.benchpulse.hub.transport.Transport;
import dev.benchpulse.hub.update.Update;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The transport of a hub cluster: a publish is written to the topic, and every instance, this one included, reads
 * every update back from its one partition and hands it to its dispatcher, so all instances dispatch the same updates
 * in the same order. Positions are the topic's offsets. At start the instance reads the newest
 * {@code MERCURE_HISTORY_SIZE} updates of the topic to know where each id resumes; replays come from memory for the
 * newest ones and from the topic for older ones. An update whose id is already in the window is a publisher's retry
 * and is dispatched by no instance.
 *
 * <p>A subscriber may reconnect to this instance with an id this instance has not read yet (another instance read
 * and sent it a moment earlier): before answering that an id is unknown, the instance reads up to where the topic
 * ended when the subscriber asked.
 *
 * <p>A poll thread of its own over plain kafka-clients, not a {@code @KafkaListener}: every instance reads the whole
 * topic by manual assignment, with no consumer group and no commits, seeks to positions of its choosing (the history
 * window at start, an id's offset when a subscriber catches up) and must know where the topic ended at a given moment;
 * a listener container manages none of that. The hub is also a standalone module that carries no spring-kafka.
 */
public final class KafkaTransport implements Transport {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KafkaTransport.class);
    private static final int MAX_POLL_RECORDS = 10_000;
    /** The longest a subscriber with an unknown id waits for this instance to read up to the topic's end. */
    private static final Duration LATE_ID_WAIT = Duration.ofSeconds(5);

    private static final long PRUNE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final KafkaClients clients;
    private final Admin admin;
    private final TopicPartition partition;
    private final KafkaHistory history;
    private final HistoryReader reader;
    private final KafkaProducer<String, HubUpdate> producer;
    private final Deserializer<HubUpdate> values = Topics.HUB_UPDATES.valueDeserializer();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("mercure-kafka-send").daemon().factory());
    private final Queue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    private final Counter skipped;
    private final Counter repeated;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private volatile KafkaConsumer<String, byte[]> live;

    private KafkaTransport(KafkaClients clients, Admin admin, HubProperties properties, MeterRegistry meters) {
        this.clients = clients;
        this.admin = admin;
        this.partition = new TopicPartition(clients.topic(), 0);
        this.history =
                new KafkaHistory(properties.historySize(), properties.kafka().cacheSize());
        this.reader = new HistoryReader(clients, partition);
        this.producer = clients.producer();
        this.skipped = Counter.builder("mercure.kafka.records.skipped")
                .description("Records of the updates topic that are not updates (bad in themselves), skipped")
                .register(meters);
        this.repeated = Counter.builder("mercure.kafka.updates.repeated")
                .description("Updates read whose id was already in the window (publishers' retries), not dispatched")
                .register(meters);
        Gauge.builder("mercure.kafka.position", history::end)
                .description("The offset of the updates topic this instance has read up to")
                .register(meters);
    }

    /**
     * Connects to Kafka, makes sure the topic is usable, and reads the history window.
     *
     * @throws IllegalStateException saying what to fix when Kafka cannot be reached or the topic cannot be used
     */
    public static KafkaTransport open(HubProperties properties, MeterRegistry meters) {
        KafkaClients clients = new KafkaClients(properties.kafka());
        Admin admin = clients.admin();
        try {
            HubTopic.ensure(admin, clients.topic(), properties.kafka());
            KafkaTransport transport = new KafkaTransport(clients, admin, properties, meters);
            transport.readHistory(
                    properties.historySize(),
                    properties.kafka().cacheSize(),
                    properties.kafka().startupTimeout());
            return transport;
        } catch (ExecutionException | TimeoutException | org.apache.kafka.common.KafkaException e) {
            admin.close(Duration.ZERO);
            throw new IllegalStateException(
                    "The hub cannot use the Kafka topic " + clients.topic() + " at " + clients.bootstrapServers()
                            + " (MERCURE_KAFKA_BOOTSTRAP_SERVERS): " + e.getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admin.close(Duration.ZERO);
            throw new IllegalStateException("Interrupted while connecting to Kafka", e);
        } catch (RuntimeException e) {
            admin.close(Duration.ZERO);
            throw e;
        }
    }

    /** Reads the window (the newest updates) so that ids resume and repeats are recognized from the first request. */
    private void readHistory(int size, int cacheSize, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = clients.consumer("history", MAX_POLL_RECORDS)) {
            consumer.assign(List.of(partition));
            long start = consumer.beginningOffsets(List.of(partition), timeout).get(partition);
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            long from = Math.max(start, end - size);
            long decodedFrom = end - Math.min(size, cacheSize);
            history.advanceTo(from);
            consumer.seek(partition, from);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (consumer.position(partition, timeout) < end) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Reading the history of " + partition + " took longer than "
                            + timeout + " (MERCURE_KAFKA_STARTUP_TIMEOUT)");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end) {
                        read(record, record.offset() >= decodedFrom);
                    }
                }
            }
            history.advanceTo(end);
            LOG.info(
                    "Read the hub updates topic {} from offset {} to {}: {} updates can be replayed",
                    clients.topic(),
                    from,
                    end,
                    end - from);
        }
    }

    /** Reads one record into the history; returns the update when it is to be dispatched. */
    private Update read(ConsumerRecord<String, byte[]> record, boolean keepDecoded) {
        Update update = decode(record, true);
        if (update == null) {
            history.skip(record.offset());
            return null;
        }
        if (!history.accept(record.offset(), update.id(), keepDecoded ? update : null)) {
            repeated.increment();
            return null;
        }
        return update;
    }

    /** The update a record carries, or null (logged and counted once, when first read) when it is bad in itself. */
    private Update decode(ConsumerRecord<String, byte[]> record, boolean firstRead) {
        try {
            return HubUpdateRecords.toUpdate(values.deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
            if (!firstRead) {
                return null;
            }
            skipped.increment();
            LOG.error(
                    "Skipping the record at offset {} of {}: it is not a hub update ({}). It stays in the topic; "
                            + "no subscriber receives it.",
                    record.offset(),
                    partition,
                    e.getMessage());
            return null;
        }
    }

    @Override
    public CompletableFuture<Boolean> append(Update update) {
        if (history.contains(update.id())) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> stored = new CompletableFuture<>();
        ProducerRecord<String, HubUpdate> record =
                new ProducerRecord<>(clients.topic(), update.id(), HubUpdateRecords.toRecord(update, Instant.now()));
        try {
            // send() may block while Kafka is unreachable: never on an event loop
            sender.execute(() -> send(record, stored));
        } catch (RejectedExecutionException e) {
            stored.completeExceptionally(new IllegalStateException("The hub is stopping"));
        }
        return stored;
    }

    private void send(ProducerRecord<String, HubUpdate> record, CompletableFuture<Boolean> stored) {
        try {
            producer.send(record, (metadata, error) -> {
                if (error == null) {
                    stored.complete(true);
                } else {
                    stored.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            stored.completeExceptionally(e);
        }
    }

    @Override
    public void start(Receiver receiver) {
        KafkaConsumer<String, byte[]> consumer = clients.consumer("dispatch", MAX_POLL_RECORDS);
        consumer.assign(List.of(partition));
        consumer.seek(partition, history.end());
        live = consumer;
        Thread.ofPlatform().name("mercure-kafka-dispatch").daemon().start(() -> deliver(consumer, receiver));
    }

    private void deliver(KafkaConsumer<String, byte[]> consumer, Receiver receiver) {
        long nextPrune = System.nanoTime() + PRUNE_INTERVAL_NANOS;
        try (consumer) {
            while (open.get()) {
                try {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        receiver.receive(batch(records));
                    }
                    wakeWaiters();
                    if (System.nanoTime() > nextPrune) {
                        nextPrune = System.nanoTime() + PRUNE_INTERVAL_NANOS;
                        history.forgetBefore(consumer.beginningOffsets(List.of(partition), Duration.ofSeconds(5))
                                .get(partition));
                    }
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.error("Reading the hub updates failed; reading goes on", e);
                }
            }
        }
    }

    private Batch batch(ConsumerRecords<String, byte[]> records) {
        List<Accepted> accepted = new ArrayList<>(records.count());
        long now = System.currentTimeMillis();
        long nanos = System.nanoTime();
        long last = -1;
        for (ConsumerRecord<String, byte[]> record : records) {
            last = record.offset();
            Update update = read(record, true);
            if (update != null) {
                long age = Math.max(0, now - record.timestamp());
                accepted.add(new Accepted(update, record.offset(), nanos - TimeUnit.MILLISECONDS.toNanos(age)));
            }
        }
        return new Batch(accepted, last + 1);
    }

    @Override
    public long end() {
        return history.end();
    }

    @Override
    public CompletableFuture<Resume> resume(String lastEventId) {
        var known = history.resume(lastEventId);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(known.get());
        }
        // Perhaps sent by another instance that read it first: read as far as the topic went, then look again.
        CompletableFuture<Resume> resumed = new CompletableFuture<>();
        Runnable lookAgain = () -> resumed.complete(history.resume(lastEventId).orElseGet(history::earliest));
        admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                .partitionResult(partition)
                .toCompletionStage()
                .whenComplete((info, error) -> waitFor(error == null ? info.offset() : history.end(), lookAgain));
        return resumed.orTimeout(LATE_ID_WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(timeout -> history.resume(lastEventId).orElseGet(history::earliest));
    }

    private void waitFor(long offset, Runnable action) {
        Waiter waiter = new Waiter(offset, action);
        waiters.add(waiter);
        if (history.end() >= offset) {
            waiter.run();
            waiters.remove(waiter);
        }
    }

    private void wakeWaiters() {
        long end = history.end();
        waiters.removeIf(waiter -> waiter.offset() <= end && waiter.run());
    }

    @Override
    public Iterable<Update> replay(long from, long end) {
        return () -> new ReplayCursor(history, reader, record -> decode(record, false), from, end);
    }

    @Override
    public String lastId() {
        return history.lastId();
    }

    @Override
    public void close() {
        if (!open.compareAndSet(true, false)) {
            return;
        }
        KafkaConsumer<String, byte[]> consumer = live;
        if (consumer != null) {
            consumer.wakeup();
        }
        sender.shutdown();
        producer.close(Duration.ofSeconds(5));
        reader.close();
        admin.close(Duration.ofSeconds(5));
    }

    /** Runs its action once, when this instance has read up to {@code offset}. */
    private record Waiter(long offset, Runnable action, AtomicBoolean done) {

        Waiter(long offset, Runnable action) {
            this(offset, action, new AtomicBoolean());
        }

        boolean run() {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
            return true;
        }
    }
}
