package dev.benchpulse.runner.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchpulse.contracts.Events;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkHeartbeat;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.runner.RunnerIntegrationTest;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.support.kafka.TopicClients;
import dev.benchpulse.testsupport.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * No run stays RUNNING forever, and Kafka trouble never dead-letters a request: the worker pieces on a request topic
 * of their own ({@link LivenessRig}, with a 5 s sample timeout, a 2 s stall timeout and 500 ms heartbeats), over
 * the real broker and PHP.
 */
@RunnerIntegrationTest
class AttemptLivenessIntegrationTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static RunLifecycle runs;

    @Autowired
    Catalog catalog;

    @Autowired
    Runtimes runtimes;

    @Autowired
    TopicClients clients;

    @Autowired
    KafkaProperties kafka;

    @Autowired
    RunProperties properties;

    /** After the context is up, so the registry topics exist with their partitions before anyone subscribes. */
    @BeforeEach
    void record() {
        if (runs == null) {
            runs = new RunLifecycle();
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        runs.close();
        runs = null;
    }

    private LivenessRig rig(String name) throws Exception {
        return rig(name, Duration.ofMinutes(2), event -> false);
    }

    private LivenessRig rig(String name, Duration maxPollInterval, Predicate<SpecificRecord> undeliverable)
            throws Exception {
        return new LivenessRig(name, catalog, runtimes, clients, kafka, properties, maxPollInterval, undeliverable);
    }

    @Test
    void a_hung_worker_is_abandoned_after_its_stall_timeout_and_the_run_completes_as_a_new_attempt() throws Exception {
        try (LivenessRig rig = rig("hung-once")) {
            rig.beforeSample(n -> {
                if (n == 2) {
                    rig.hang();
                }
            });
            UUID run = rig.request("sum-ints", 4, 100);

            List<SpecificRecord> events = runs.awaitTerminal(run, TIMEOUT);

            List<BenchmarkStarted> attempts = started(events);
            assertThat(attempts).hasSize(2);
            List<SpecificRecord> hung =
                    LivenessRig.ofAttempt(events, attempts.get(0).getAttemptId());
            assertThat(hung)
                    .as("the hung attempt: no terminal event, nothing after the next one started")
                    .noneMatch(AttemptLivenessIntegrationTests::terminal)
                    .allMatch(e -> Events.occurredAt(e).isBefore(attempts.get(1).getOccurredAt()));
            assertThat(kinds(LivenessRig.ofAttempt(events, attempts.get(1).getAttemptId())))
                    .containsExactly(
                            "BenchmarkStarted",
                            "BenchmarkProgress",
                            "BenchmarkProgress",
                            "BenchmarkProgress",
                            "BenchmarkProgress",
                            "BenchmarkCompleted");
            Duration detected = Duration.between(
                    Events.occurredAt(hung.getLast()), attempts.get(1).getOccurredAt());
            assertThat(detected)
                    .as("time from the hung attempt's last sign of life to the next attempt")
                    .isLessThan(Duration.ofSeconds(30));
        }
    }

    @Test
    void a_run_whose_attempts_are_all_lost_fails_as_runner_lost() throws Exception {
        try (LivenessRig rig = rig("hung-always")) {
            rig.beforeSample(n -> rig.hang());
            UUID run = rig.request("sum-ints", 2, 100);

            List<SpecificRecord> events = runs.awaitTerminal(run, Duration.ofSeconds(120));

            assertThat(started(events)).hasSize(LivenessRig.MAX_ATTEMPTS);
            assertThat(events.getLast()).isInstanceOfSatisfying(BenchmarkFailed.class, failed -> {
                assertThat(failed.getReason()).isEqualTo(FailureReason.RUNNER_LOST);
                assertThat(failed.getMessage())
                        .startsWith("Runner lost: 3 attempt(s) of this run ended without a "
                                + "word from their runner (the last on liveness)");
                assertThat(failed.getSequence()).isZero();
                assertThat(started(events))
                        .extracting(BenchmarkStarted::getAttemptId)
                        .doesNotContain(failed.getAttemptId());
            });
            assertThat(events.stream().filter(AttemptLivenessIntegrationTests::terminal))
                    .hasSize(1);
        }
    }

    @Test
    void a_run_longer_than_the_poll_interval_keeps_its_partition_and_sends_heartbeats_while_a_sample_is_long()
            throws Exception {
        try (LivenessRig rig = rig("long-run", Duration.ofSeconds(3), event -> false)) {
            UUID run = rig.request("sleep-a-little", 5, 1000); // about 1 s a sample, over 5 s in all

            List<SpecificRecord> events = runs.awaitTerminal(run, TIMEOUT);

            assertThat(started(events))
                    .as("one attempt: the request never left the consumer")
                    .hasSize(1);
            assertThat(events.getLast()).isInstanceOf(BenchmarkCompleted.class);
            List<BenchmarkHeartbeat> heartbeats = events.stream()
                    .filter(BenchmarkHeartbeat.class::isInstance)
                    .map(BenchmarkHeartbeat.class::cast)
                    .toList();
            assertThat(heartbeats).hasSizeGreaterThanOrEqualTo(3).allSatisfy(beat -> {
                assertThat(beat.getIntervalMillis()).isEqualTo(LivenessRig.HEARTBEAT.toMillis());
                assertThat(beat.getTotalIterations()).isEqualTo(5);
                assertThat(beat.getRunnerInstanceId()).isEqualTo("liveness");
            });
            assertThat(heartbeats)
                    .extracting(BenchmarkHeartbeat::getSamplesTaken)
                    .isSorted()
                    .contains(0)
                    .allMatch(taken -> taken >= 0 && taken < 5);
            assertThat(events)
                    .extracting(e -> Events.sequence(e).orElseThrow())
                    .isSorted()
                    .doesNotHaveDuplicates();
            assertThat(events.stream().filter(BenchmarkProgress.class::isInstance))
                    .hasSize(5);
        }
    }

    @Test
    void each_run_of_an_interleaved_group_beats_and_a_hung_group_runs_again_as_new_attempts() throws Exception {
        try (LivenessRig rig = rig("hung-group")) {
            rig.beforeSample(n -> {
                if (n == 3) { // the first run's second sample: the second run waits for its turn meanwhile
                    rig.hang();
                }
            });
            List<UUID> group = rig.requestGroup("sum-ints", 2, 100, "php", "php-jit");

            for (UUID run : group) {
                List<SpecificRecord> events = runs.awaitTerminal(run, TIMEOUT);

                List<BenchmarkStarted> attempts = started(events);
                assertThat(attempts).as("attempts of run %s", run).hasSize(2);
                List<SpecificRecord> hung =
                        LivenessRig.ofAttempt(events, attempts.get(0).getAttemptId());
                assertThat(hung)
                        .as("the hung attempt of run %s", run)
                        .noneMatch(AttemptLivenessIntegrationTests::terminal)
                        .anyMatch(BenchmarkHeartbeat.class::isInstance);
                assertThat(kinds(LivenessRig.ofAttempt(events, attempts.get(1).getAttemptId())))
                        .containsExactly(
                                "BenchmarkStarted", "BenchmarkProgress", "BenchmarkProgress", "BenchmarkCompleted");
            }
        }
    }

    @Test
    void events_kafka_does_not_take_make_a_new_attempt_never_a_dead_letter() throws Exception {
        Set<UUID> refused = ConcurrentHashMap.newKeySet();
        Predicate<SpecificRecord> firstAttemptAfterItsFirstSample = event -> {
            UUID attempt = RunLifecycle.attemptOf(event);
            if (event instanceof BenchmarkStarted && refused.isEmpty()) {
                refused.add(attempt);
            }
            return refused.contains(attempt) && Events.sequence(event).orElseThrow() >= 2;
        };
        try (LivenessRig rig = rig("undelivered", Duration.ofMinutes(2), firstAttemptAfterItsFirstSample);
                TopicRecorder<byte[], byte[]> deadLetters =
                        TopicRecorder.start(Topics.RUN_REQUESTS.deadLetter().orElseThrow())) {
            UUID run = rig.request("sum-ints", 3, 100);

            List<SpecificRecord> events = runs.awaitTerminal(run, TIMEOUT);

            List<BenchmarkStarted> attempts = started(events);
            assertThat(attempts).hasSize(2);
            assertThat(kinds(LivenessRig.ofAttempt(events, attempts.get(0).getAttemptId())))
                    .as("the attempt with an event missing never ends")
                    .containsExactly("BenchmarkStarted", "BenchmarkProgress");
            assertThat(kinds(LivenessRig.ofAttempt(events, attempts.get(1).getAttemptId())))
                    .containsExactly(
                            "BenchmarkStarted",
                            "BenchmarkProgress",
                            "BenchmarkProgress",
                            "BenchmarkProgress",
                            "BenchmarkCompleted");
            assertThat(deadLetters.records()).noneMatch(r -> run.toString().equals(key(r.key())));
        }
    }

    @Test
    void a_request_that_cannot_be_decoded_is_dead_lettered_and_the_next_one_runs() throws Exception {
        try (LivenessRig rig = rig("poison");
                TopicRecorder<byte[], byte[]> deadLetters =
                        TopicRecorder.start(Topics.RUN_REQUESTS.deadLetter().orElseThrow())) {
            String poison = "poison-" + UUID.randomUUID();
            rig.poison(poison, "not avro".getBytes(StandardCharsets.UTF_8));
            UUID run = rig.request("sum-ints", 1, 100);

            assertThat(runs.awaitTerminal(run, TIMEOUT).getLast()).isInstanceOf(BenchmarkCompleted.class);
            assertThat(deadLetters.awaitRecords(r -> poison.equals(key(r.key())), 1, TIMEOUT))
                    .singleElement()
                    .satisfies(r -> {
                        assertThat(new String(r.value(), StandardCharsets.UTF_8))
                                .isEqualTo("not avro");
                        assertThat(new String(
                                        r.headers()
                                                .lastHeader("kafka_dlt-original-topic")
                                                .value(),
                                        StandardCharsets.UTF_8))
                                .isEqualTo(rig.topic());
                    });
        }
    }

    private static List<BenchmarkStarted> started(List<SpecificRecord> events) {
        return events.stream()
                .filter(BenchmarkStarted.class::isInstance)
                .map(BenchmarkStarted.class::cast)
                .toList();
    }

    private static List<String> kinds(List<SpecificRecord> events) {
        return events.stream()
                .filter(e -> !(e instanceof BenchmarkHeartbeat))
                .map(e -> e.getClass().getSimpleName())
                .toList();
    }

    private static boolean terminal(SpecificRecord event) {
        return event instanceof BenchmarkCompleted || event instanceof BenchmarkFailed;
    }

    private static String key(byte[] key) {
        return key == null ? null : new String(key, StandardCharsets.UTF_8);
    }
}
