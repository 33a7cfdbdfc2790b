package dev.benchpulse.contracts;

import dev.benchpulse.contracts.avro.BenchmarkCompleted;
import dev.benchpulse.contracts.avro.BenchmarkFailed;
import dev.benchpulse.contracts.avro.BenchmarkHeartbeat;
import dev.benchpulse.contracts.avro.BenchmarkProgress;
import dev.benchpulse.contracts.avro.BenchmarkRef;
import dev.benchpulse.contracts.avro.BenchmarkStarted;
import dev.benchpulse.contracts.avro.FailureReason;
import dev.benchpulse.contracts.avro.HubUpdate;
import dev.benchpulse.contracts.avro.RunCancelRequested;
import dev.benchpulse.contracts.avro.RunRequested;
import dev.benchpulse.contracts.avro.RuntimeRef;
import dev.benchpulse.contracts.avro.Sample;
import dev.benchpulse.contracts.web.RunTopics;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;

/** One record of every event type, all of one new run, as the contracts' own tests need them. */
public final class Fixtures {

    public final UUID run = UUID.randomUUID();
    public final UUID attempt = UUID.randomUUID();
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private static final BenchmarkRef BENCHMARK = new BenchmarkRef("str-contains", "str_contains()", "strings");
    private static final RuntimeRef RUNTIME = new RuntimeRef("php-jit", "8.2.29", Map.of("opcache.jit", "tracing"));

    public List<SpecificRecord> oneOfEach() {
        return List.of(
                new RunRequested(
                        UUID.randomUUID(), run, NOW, "str-contains", "php-jit", 3, null, 1000, NOW, "cli", null, null),
                new BenchmarkStarted(
                        UUID.randomUUID(), run, attempt, 0, NOW, BENCHMARK, RUNTIME, 3, 100, 1000, "runner-1"),
                new BenchmarkProgress(
                        UUID.randomUUID(),
                        run,
                        attempt,
                        1,
                        NOW,
                        BENCHMARK,
                        RUNTIME,
                        1,
                        3,
                        new Sample(41.5, 1024L, 2_097_152L)),
                new BenchmarkCompleted(UUID.randomUUID(), run, attempt, 2, NOW, BENCHMARK, RUNTIME, 3, 420L, 3),
                new BenchmarkFailed(
                        UUID.randomUUID(),
                        run,
                        attempt,
                        3,
                        NOW,
                        BENCHMARK,
                        RUNTIME,
                        1,
                        FailureReason.SCRIPT_ERROR,
                        "PHP Parse error: syntax error on line 2 of code",
                        "code",
                        2),
                new RunCancelRequested(UUID.randomUUID(), run, NOW, NOW, "alice"),
                new BenchmarkHeartbeat(
                        UUID.randomUUID(), run, attempt, 2, NOW, BENCHMARK, RUNTIME, 1, 3, "runner-1", 10_000L));
    }

    /** A private update of the run's Mercure topic, with an alternate topic, as a hub or the notifier writes it. */
    public HubUpdate hubUpdate() {
        return new HubUpdate(
                "urn:uuid:" + UUID.randomUUID(),
                List.of(RunTopics.of(run), "urn:benchpulse:all"),
                "{\"type\":\"benchmark.progress\"}",
                true,
                "progress",
                5000L,
                NOW);
    }
}
