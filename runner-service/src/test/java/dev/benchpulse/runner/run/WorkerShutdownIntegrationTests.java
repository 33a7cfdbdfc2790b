package dev.benchpulse.runner.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.runner.RunnerIntegrationTest;
import dev.benchpulse.runner.catalog.Catalog;
import dev.benchpulse.runner.runtime.Runtimes;
import dev.benchpulse.support.kafka.TopicClients;
import dev.benchpulse.support.outage.DependencyOutages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A runner shutting down stops its runs: the PHP processes are killed, no terminal event is published and the
 * request is not acknowledged, so another runner takes it. Uses its own worker pieces (not the shared context's,
 * which must keep running) on the context's catalog, runtimes and broker.
 */
@RunnerIntegrationTest
class WorkerShutdownIntegrationTests {

    @Autowired
    Catalog catalog;

    @Autowired
    Runtimes runtimes;

    @Autowired
    SampleExecutor executor;

    @Autowired
    TopicClients clients;

    @Test
    void shutting_down_kills_the_running_sample_and_leaves_the_run_without_a_terminal_event() throws Exception {
        CancelledRuns cancelledRuns = new CancelledRuns(Duration.ofHours(1), Clock.systemUTC());
        RunExecution execution = new RunExecution(
                catalog,
                runtimes,
                new SampleLoop(executor, cancelledRuns, "stopping", Duration.ofHours(1)),
                new RunEventPublisher(clients.template(Topics.BENCHMARK_EVENTS)),
                cancelledRuns,
                new RunMetrics(new SimpleMeterRegistry()),
                Clock.systemUTC(),
                "stopping",
                new DependencyOutages(new SimpleMeterRegistry(), Duration.ofMinutes(1)));
        WorkerShutdown shutdown = new WorkerShutdown(cancelledRuns);
        shutdown.start();
        try (RunLifecycle runs = new RunLifecycle()) {
            RunRequested request = request("sleep-a-little", 100_000);
            CompletableFuture<Boolean> finished =
                    CompletableFuture.supplyAsync(() -> execution.execute(request, AttemptObserver.NONE));
            runs.await(request.getRunId(), BenchmarkStarted.class, 1, Duration.ofSeconds(30));
            List<ProcessHandle> php = await().atMost(Duration.ofSeconds(30))
                    .until(RunWorkerIntegrationTests::phpProcesses, p -> !p.isEmpty());

            shutdown.stop();

            assertThat(finished.get()).as("acknowledge the request").isFalse();
            assertThat(php).noneMatch(ProcessHandle::isAlive);
            assertThat(execution.execute(request("sum-ints", 10), AttemptObserver.NONE))
                    .as("a request after shutdown")
                    .isFalse();
            assertThat(runs.events(request.getRunId())).singleElement().isInstanceOf(BenchmarkStarted.class);
        }
    }

    private static RunRequested request(String benchmark, int inner) {
        Instant now = Instant.now();
        return new RunRequested(
                UUID.randomUUID(), UUID.randomUUID(), now, benchmark, "php", 2, 0, inner, now, "tester", null, null);
    }
}
