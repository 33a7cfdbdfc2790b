package dev.benchpulse.runner.run;

import dev.benchpulse.contracts.EventType;
import dev.benchpulse.contracts.Topic;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.GroupMember;
import dev.benchpulse.contracts.avro.RunGroup;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.kafka.AvroSerde;
import dev.benchpulse.runner.TestFixtures;
import dev.benchpulse.runner.catalog.Benchmark;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.process.Cancellation;
import dev.benchpulse.runner.process.ProcessRunner;
import dev.benchpulse.runner.runtime.PhpRuntime;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.support.kafka.TopicClients;
import dev.benchpulse.support.outage.DependencyOutages;
import dev.benchpulse.testsupport.EmbeddedBroker;
import dev.benchpulse.testsupport.TopicPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * A runner's worker pieces of their own (consumer, workers, attempt watch) on a request topic of their own, over
 * the test context's catalog, runtimes and broker, with short liveness settings, and a sample executor whose
 * samples a test can hold up: a hung worker without waiting minutes, and without disturbing the context's runner.
 * Events go to the real lifecycle topic.
 */
final class LivenessRig implements AutoCloseable {

    static final Duration SAMPLE_TIMEOUT = Duration.ofSeconds(5);
    static final Duration STALL_TIMEOUT = Duration.ofSeconds(2);
    static final Duration HEARTBEAT = Duration.ofMillis(500);
    static final int MAX_ATTEMPTS = 3;

    private final Topic<String, RunRequested> topic;
    private final TopicPublisher<String, RunRequested> requests;
    private final TopicPublisher<byte[], byte[]> raw;
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger samples = new AtomicInteger();
    private final RunWorkers workers;
    private final AttemptWatch watch;
    private final RunRequestConsumer consumer;
    private volatile IntConsumer beforeSample = n -> {};

    /**
     * @param undeliverable events the broker is made to refuse (their send fails), as when Kafka stays away longer
     *                      than the producer's delivery timeout
     */
    LivenessRig(
            String name,
            Catalog catalog,
            Runtimes runtimes,
            TopicClients clients,
            KafkaProperties kafka,
            RunProperties properties,
            Duration maxPollInterval,
            Predicate<SpecificRecord> undeliverable)
            throws Exception {
        topic = new Topic<>(
                "test.liveness." + name,
                1,
                String.class,
                RunRequested.class,
                Set.of(EventType.RUN_REQUESTED),
                Serdes::String,
                () -> new AvroSerde<>(RunRequested.class, EnumSet.of(EventType.RUN_REQUESTED)),
                null);
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic.name(), 1, (short) 1)))
                    .all()
                    .get();
        }
        requests = TopicPublisher.to(topic);
        raw = TopicPublisher.raw(topic);
        CancelledRuns cancelledRuns = new CancelledRuns(Duration.ofHours(1), Clock.systemUTC());
        RunMetrics metrics = new RunMetrics(new SimpleMeterRegistry());
        DependencyOutages outages = new DependencyOutages(new SimpleMeterRegistry(), Duration.ofMinutes(1));
        RunExecution execution = new RunExecution(
                catalog,
                runtimes,
                new SampleLoop(new HeldUpExecutor(), cancelledRuns, "liveness", Duration.ofHours(1)),
                new RunEventPublisher(new RefusingTemplate(clients.template(Topics.BENCHMARK_EVENTS), undeliverable)),
                cancelledRuns,
                metrics,
                Clock.systemUTC(),
                "liveness",
                outages);
        workers = new RunWorkers(execution, cancelledRuns, metrics, new WorkerSlots(1, 0, Duration.ZERO), 1);
        watch = new AttemptWatch(workers, HEARTBEAT, SAMPLE_TIMEOUT, STALL_TIMEOUT);
        Map<String, Object> config = RunConfiguration.consumerProperties(kafka, properties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-liveness-" + name);
        config.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int) maxPollInterval.toMillis());
        consumer = new RunRequestConsumer(
                () -> new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer()),
                topic.name(),
                topic.valueDeserializer(),
                workers,
                new RunRequestDeadLetters(deadLetterTemplate(clients), new SimpleMeterRegistry()),
                MAX_ATTEMPTS,
                "liveness",
                true,
                outages,
                ObservationRegistry.NOOP,
                null);
        watch.start();
        consumer.start();
    }

    private static KafkaTemplate<byte[], byte[]> deadLetterTemplate(TopicClients clients) {
        return clients.template(Topics.RUN_REQUESTS.deadLetter().orElseThrow());
    }

    /** Runs {@code hook} before each sample, with the sample's number counted over every attempt and run. */
    LivenessRig beforeSample(IntConsumer hook) {
        beforeSample = hook;
        return this;
    }

    /** Blocks the calling worker until the rig is closed, deaf to interrupts and cancellation: a hung worker. */
    void hang() {
        while (release.getCount() > 0) {
            try {
                release.await();
            } catch (InterruptedException e) {
                // a hung worker does not listen
            }
        }
    }

    UUID request(String benchmark, int iterations, Integer inner) {
        UUID runId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        requests.send(
                runId.toString(),
                new RunRequested(
                        UUID.randomUUID(),
                        runId,
                        now,
                        benchmark,
                        "php",
                        iterations,
                        null,
                        inner,
                        now,
                        "tester",
                        null,
                        null));
        return runId;
    }

    /**
     * Requests one benchmark on several runtimes as an interleaved group (block size 1), as the request side publishes
     * it: one request per run, the leader's first; the run ids in the runtimes' order.
     */
    List<UUID> requestGroup(String benchmark, int iterations, Integer inner, String... runtimeIds) {
        List<GroupMember> members = Arrays.stream(runtimeIds)
                .map(r -> new GroupMember(UUID.randomUUID(), r))
                .toList();
        RunGroup group = new RunGroup(UUID.randomUUID(), members, 1);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (GroupMember member : members) {
            requests.send(
                    member.getRunId().toString(),
                    new RunRequested(
                            UUID.randomUUID(),
                            member.getRunId(),
                            now,
                            benchmark,
                            member.getRuntime(),
                            iterations,
                            null,
                            inner,
                            now,
                            "tester",
                            null,
                            group));
        }
        return members.stream().map(GroupMember::getRunId).toList();
    }

    void poison(String key, byte[] value) {
        raw.send(key.getBytes(), value);
    }

    String topic() {
        return topic.name();
    }

    static List<SpecificRecord> ofAttempt(List<SpecificRecord> events, UUID attempt) {
        return events.stream()
                .filter(e -> RunLifecycle.attemptOf(e).equals(attempt))
                .toList();
    }

    @Override
    public void close() {
        release.countDown();
        consumer.stop();
        watch.stop();
        workers.close();
        requests.close();
        raw.close();
    }

    /** A template whose sends of some events fail, the rest going to the broker. */
    private static final class RefusingTemplate extends KafkaTemplate<String, SpecificRecord> {

        private final Predicate<SpecificRecord> undeliverable;

        RefusingTemplate(KafkaTemplate<String, SpecificRecord> real, Predicate<SpecificRecord> undeliverable) {
            super(real.getProducerFactory());
            this.undeliverable = undeliverable;
        }

        @Override
        public CompletableFuture<SendResult<String, SpecificRecord>> send(
                String topic, String key, SpecificRecord data) {
            return undeliverable.test(data)
                    ? CompletableFuture.failedFuture(new TimeoutException("Expiring record: delivery timed out"))
                    : super.send(topic, key, data);
        }
    }

    /** The real executor of the test profile's settings, with the rig's hook before each sample. */
    private final class HeldUpExecutor extends SampleExecutor {

        private HeldUpExecutor() {
            super(
                    HarnessTemplate.standard(),
                    new ProcessRunner(64 * 1024),
                    TestFixtures.execution(SAMPLE_TIMEOUT, "64M", null),
                    new SampleMetrics(new SimpleMeterRegistry()));
        }

        @Override
        public SampleOutcome run(PhpRuntime runtime, Benchmark benchmark, Cancellation cancellation) {
            beforeSample.accept(samples.incrementAndGet());
            return super.run(runtime, benchmark, cancellation);
        }
    }
}
