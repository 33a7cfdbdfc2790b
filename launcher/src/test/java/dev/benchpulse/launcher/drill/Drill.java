package dev.benchpulse.launcher.drill;

import static org.awaitility.Awaitility.await;

import dev.benchpulse.contracts.Topics;
import dev.benchpulse.launcher.control.ControlClient;
import dev.benchpulse.launcher.e2e.RunningStack;
import dev.benchpulse.launcher.supervision.ComponentStatus;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One fault drill on the running stack: a benchmark of {@value #ITERATIONS} samples on two runtimes, watched by a
 * browser-like subscriber; the fault strikes once a run has {@value #FAULT_AFTER} samples stored (both, when their
 * requests landed on different partitions and run side by side); then the
 * drill waits for the stack to recover and the runs to end, and collects what PostgreSQL, the API, the subscriber and
 * the dead-letter topics hold.
 */
final class Drill {

    static final int ITERATIONS = 200;
    static final int FAULT_AFTER = 40;
    static final String BENCHMARK = "square-multiply";
    private static final String TOPICS = "urn:benchpulse:runs:{runId}";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LONG = Duration.ofMinutes(10);

    private final RunningStack stack;
    private final Fault fault;
    private final List<String> runtimes;

    Drill(RunningStack stack, Fault fault, List<String> runtimes) {
        this.stack = stack;
        this.fault = fault;
        this.runtimes = runtimes;
    }

    DrillResult run() throws Exception {
        ControlClient control = ControlClient.of(stack.launched().stateDir());
        awaitHealthy(control);
        DeadLetterWatch deadLetters = DeadLetterWatch.from(stack.kafkaBootstrapServers());
        String marker = "poison " + fault.id() + " " + UUID.randomUUID();
        try (MachineLoad load = MachineLoad.watch(stack.launched().launcher());
                EventSourceSubscriber subscriber = EventSourceSubscriber.open(stack.gatewayUrl(), TOPICS);
                ExecutorService background = Executors.newVirtualThreadPerTaskExecutor()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> subscriber.connections() > 0);
            long requested = System.nanoTime();
            List<String> runs = request();
            await().atMost(Duration.ofMinutes(5))
                    .ignoreExceptions()
                    .until(() -> runs.stream().anyMatch(id -> storedOrZero(id) >= FAULT_AFTER));
            long struck = System.nanoTime();
            List<Integer> atFault = runs.stream().map(this::storedOrZero).toList();
            Injection injection = inject(control, runs, marker, subscriber, background);
            Duration caughtUp = injection.headway().get();
            Duration back = injection.back();
            await().atMost(LONG).ignoreExceptions().until(() -> runs.stream().allMatch(this::ended));
            Duration completedAfter = Duration.ofNanos(System.nanoTime() - struck);
            await().atMost(Duration.ofMinutes(3)).until(() -> runs.stream().allMatch(subscriber::sawCompleted));
            List<DrillResult.RunOutcome> outcomes = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                outcomes.add(outcome(runs.get(i), runtimes.get(i), subscriber));
            }
            MachineLoad.Figures figures = load.figures();
            List<String> parked = deadLetters.parkedSince();
            List<String> unexpected =
                    parked.stream().filter(p -> !p.contains(marker)).toList();
            return new DrillResult(
                    fault,
                    Duration.ofNanos(struck - requested),
                    atFault,
                    back,
                    caughtUp,
                    completedAfter,
                    outcomes,
                    new DrillResult.SubscriberView(
                            subscriber.updates().size(), subscriber.connections(), subscriber.repeats()),
                    parked,
                    unexpected,
                    figures);
        }
    }

    private List<String> request() throws Exception {
        HttpResponse<String> accepted = stack.post(
                "/api/runs",
                JSON.writeValueAsString(Map.of(
                        "benchmark",
                        BENCHMARK,
                        "runtimes",
                        runtimes,
                        "iterations",
                        ITERATIONS,
                        "warmupIterations",
                        100,
                        "innerIterations",
                        1000)));
        if (accepted.statusCode() != 202) {
            throw new AssertionError("POST /api/runs: " + accepted.statusCode() + " " + accepted.body());
        }
        List<String> ids = new ArrayList<>();
        JSON.readTree(accepted.body())
                .path("runs")
                .forEach(run -> ids.add(run.path("id").asString()));
        return ids;
    }

    /**
     * What a fault did: how long its component took to be healthy again after the fault (for an outage, after its
     * end; null when no component was touched), and how long the runs took to move on again after it, measured
     * meanwhile.
     */
    private record Injection(Duration back, Future<Duration> headway) {}

    /** Does the fault; the headway after it is measured from its end (the kill, the outage's end, the records). */
    private Injection inject(
            ControlClient control,
            List<String> runs,
            String marker,
            EventSourceSubscriber subscriber,
            ExecutorService background)
            throws Exception {
        return switch (fault.kind()) {
            case KILL -> {
                int restarts = component(control, fault.component()).restarts();
                long killed = System.nanoTime();
                Future<Duration> headway = background.submit(() -> awaitHeadway(runs, subscriber));
                control.act(fault.component(), "kill");
                await().atMost(Duration.ofMinutes(5)).ignoreExceptions().until(() -> {
                    ComponentStatus now = component(control, fault.component());
                    return now.restarts() > restarts && Boolean.TRUE.equals(now.healthy());
                });
                yield new Injection(Duration.ofNanos(System.nanoTime() - killed), headway);
            }
            case OUTAGE -> {
                control.act(fault.component(), "stop");
                Thread.sleep(fault.duration()); // the outage itself, as long as the fault says: not a wait for results
                long ended = System.nanoTime();
                Future<Duration> headway = background.submit(() -> awaitHeadway(runs, subscriber));
                control.act(fault.component(), "start");
                yield new Injection(Duration.ofNanos(System.nanoTime() - ended), headway);
            }
            case POISON -> {
                Future<Duration> headway = background.submit(() -> awaitHeadway(runs, subscriber));
                poison(runs.getFirst(), marker);
                yield new Injection(null, headway);
            }
        };
    }

    /** Undecodable bytes on each topic, keyed by a running run's id, so they land among its records. */
    private void poison(String runId, String marker) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (var topic : Topics.all()) {
                producer.send(new ProducerRecord<>(
                                topic.name(),
                                runId.getBytes(StandardCharsets.UTF_8),
                                (marker + " on " + topic.name()).getBytes(StandardCharsets.UTF_8)))
                        .get();
            }
        }
    }

    /**
     * Waits until every unfinished run moved on and the subscriber got something new, or every run ended (as the API
     * tells, so once results-service caught up: the runner may have finished while results was kept waiting);
     * returns how long it took.
     */
    private Duration awaitHeadway(List<String> runs, EventSourceSubscriber subscriber) {
        long from = System.nanoTime();
        List<String> before = runs.stream().map(this::progressOrNone).toList();
        int updates = subscriber.updates().size();
        await().atMost(LONG)
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    boolean allEnded = true;
                    for (int i = 0; i < runs.size(); i++) {
                        if (ended(runs.get(i))) {
                            continue;
                        }
                        allEnded = false;
                        String now = progressOrNone(runs.get(i));
                        if (now.equals(before.get(i)) || now.equals("none")) {
                            return false;
                        }
                    }
                    return allEnded || subscriber.updates().size() > updates;
                });
        return Duration.ofNanos(System.nanoTime() - from);
    }

    private DrillResult.RunOutcome outcome(String runId, String runtime, EventSourceSubscriber subscriber)
            throws Exception {
        JsonNode run = run(runId);
        StoredRun stored = StoredRun.read(stack.jdbcUrl(), UUID.fromString(runId));
        List<String> problems = stored.samples().size() < 2
                ? List.of("fewer than two samples")
                : Recomputed.differences(run.path("statistics"), stored.samples());
        return new DrillResult.RunOutcome(
                runId,
                runtime,
                run.path("status").asString(),
                stored.attempts(),
                stored.holdsEverySampleOnce(ITERATIONS),
                stored.samples().size(),
                stored.duplicates(),
                problems,
                subscriber.sawCompleted(runId));
    }

    private void awaitHealthy(ControlClient control) {
        await().atMost(Duration.ofMinutes(5))
                .ignoreExceptions()
                .until(() -> control.status().stream()
                        .allMatch(c -> "running".equals(c.state()) && Boolean.TRUE.equals(c.healthy())));
    }

    private static ComponentStatus component(ControlClient control, String name) throws Exception {
        return control.status().stream()
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private JsonNode run(String id) throws Exception {
        HttpResponse<String> response = stack.get("/api/runs/" + id);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/runs/" + id + ": " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private int stored(String id) throws Exception {
        return run(id).path("completedIterations").asInt();
    }

    private int storedOrZero(String id) {
        try {
            return stored(id);
        } catch (Exception e) {
            return 0;
        }
    }

    /** The run's attempt and stored samples as the API shows them, or {@code none} when it does not answer. */
    private String progressOrNone(String id) {
        try {
            JsonNode run = run(id);
            return run.path("startedAt").asString() + "/"
                    + run.path("completedIterations").asInt();
        } catch (Exception e) {
            return "none";
        }
    }

    private boolean ended(String id) {
        try {
            String status = run(id).path("status").asString();
            return !status.equals("QUEUED") && !status.equals("RUNNING");
        } catch (Exception e) {
            return false;
        }
    }
}
