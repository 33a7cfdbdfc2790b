package dev.benchpulse.runner.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Events;
import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.runner.RunnerIntegrationTest;
import dev.benchpulse.testsupport.EmbeddedBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * A runner killed mid-run leaves nothing hanging: its request was never acknowledged, so after the consumer group
 * notices the death the request goes to the surviving runner (this test's context), which runs it again as a new
 * attempt to completion.
 */
@RunnerIntegrationTest
class WorkerCrashIntegrationTests {

    static final Duration STARTUP = Duration.ofSeconds(120);

    @Test
    void a_run_whose_runner_is_killed_mid_run_completes_on_another_runner_as_a_new_attempt() throws Exception {
        try (RunLifecycle runs = new RunLifecycle();
                RunnerProcess victim = RunnerProcess.start("victim", Path.of("target", "victim-runner.log"));
                Admin admin = Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedBroker.bootstrapServers()))) {
            // Given a run executing on the victim
            int partition = await().atMost(STARTUP)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> partitionOf(admin, "runner-victim"), p -> p >= 0);
            UUID run = runIdOnPartition(partition);
            runs.requestWithId(run, "sleep-a-little", "php", 4);
            BenchmarkStarted onVictim =
                    (BenchmarkStarted) runs.await(run, BenchmarkStarted.class, 1, Duration.ofSeconds(60))
                            .getFirst();
            assertThat(onVictim.getRunnerInstanceId()).isEqualTo("victim");
            runs.await(run, BenchmarkProgress.class, 1, Duration.ofSeconds(30));

            // When it dies
            victim.kill();

            // Then the run completes on the survivor, as a new attempt with all its samples
            List<SpecificRecord> events = runs.awaitTerminal(run, Duration.ofSeconds(90));
            UUID firstAttempt = onVictim.getAttemptId();
            List<SpecificRecord> retried = events.stream()
                    .filter(e -> !RunLifecycle.attemptOf(e).equals(firstAttempt))
                    .toList();
            assertThat(retried.getFirst()).isInstanceOfSatisfying(BenchmarkStarted.class, started -> {
                assertThat(started.getRunnerInstanceId()).isEqualTo("test-runner");
                assertThat(started.getAttemptId()).isNotEqualTo(firstAttempt);
            });
            assertThat(retried)
                    .extracting(e -> e.getClass().getSimpleName())
                    .containsExactly(
                            "BenchmarkStarted",
                            "BenchmarkProgress",
                            "BenchmarkProgress",
                            "BenchmarkProgress",
                            "BenchmarkProgress",
                            "BenchmarkCompleted");
            assertThat(retried)
                    .extracting(e -> Events.sequence(e).orElseThrow())
                    .containsExactly(0, 1, 2, 3, 4, 5);
            assertThat(retried)
                    .extracting(RunLifecycle::attemptOf)
                    .containsOnly(RunLifecycle.attemptOf(retried.getFirst()));
            assertThat(events.stream().filter(e -> e instanceof BenchmarkCompleted || e instanceof BenchmarkFailed))
                    .as("exactly one terminal event for the run")
                    .hasSize(1);
            assertThat(events.stream().filter(e -> RunLifecycle.attemptOf(e).equals(firstAttempt)))
                    .as("the victim's attempt never ended")
                    .noneMatch(e -> e instanceof BenchmarkCompleted);
        }
    }

    /** A run-requests partition assigned to the consumer whose client id starts with {@code clientId}, or -1. */
    private static int partitionOf(Admin admin, String clientId) throws Exception {
        return admin
                .describeConsumerGroups(List.of(RunRequestConsumer.GROUP))
                .all()
                .get()
                .get(RunRequestConsumer.GROUP)
                .members()
                .stream()
                .filter(m -> m.clientId().startsWith(clientId))
                .map(MemberDescription::assignment)
                .flatMap(a -> a.topicPartitions().stream())
                .filter(tp -> tp.topic().equals(Topics.RUN_REQUESTS.name()))
                .mapToInt(TopicPartition::partition)
                .findFirst()
                .orElse(-1);
    }

    /** A run id whose record lands on {@code partition}, as the producer's default partitioner places keys. */
    private static UUID runIdOnPartition(int partition) {
        while (true) {
            UUID id = UUID.randomUUID();
            if (Utils.toPositive(Utils.murmur2(id.toString().getBytes())) % Topics.RUN_REQUESTS.partitions()
                    == partition) {
                return id;
            }
        }
    }
}
