package dev.benchpulse.notifier.latency;

import dev.benchpulse.notifier.update.UpdateType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records, per update type, the latency from an event handed to the producer to an SSE subscriber receiving its
 * update (HdrHistogram, microseconds), and, from one subscriber, the progress updates of every run to check the
 * throttle bound.
 */
final class LatencyRecorder {

    private record Progress(long timestampMillis, long arrivalNanos) {}

    private final EventLoad load;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<UpdateType, Histogram> latencies = new EnumMap<>(UpdateType.class);
    private final Map<UpdateType, LongAdder> unmeasured = new EnumMap<>(UpdateType.class);
    private final Map<String, List<Progress>> progressByRun = new ConcurrentHashMap<>();
    private final Histogram toHub = new ConcurrentHistogram(3);
    private final Histogram throughHub = new ConcurrentHistogram(3);

    LatencyRecorder(EventLoad load) {
        this.load = load;
        for (UpdateType type : UpdateType.values()) {
            latencies.put(type, new ConcurrentHistogram(3));
            unmeasured.put(type, new LongAdder());
        }
    }

    /** Called from the subscribers' threads; subscriber 0 also keeps the progress updates of every run. */
    void received(int subscriber, String id, String eventData, long nanos) {
        EventLoad.Sent sent = load.sent(id);
        if (sent == null) {
            return;
        }
        if (sent.measured()) {
            latencies.get(sent.type()).recordValue(Math.max(0, (nanos - sent.nanos()) / 1_000));
        } else {
            unmeasured.get(sent.type()).increment();
        }
        if (subscriber != 0) {
            return;
        }
        long arrivedMillis = System.currentTimeMillis();
        JsonNode data = json.readTree(eventData);
        long timestamp =
                java.time.Instant.parse(data.get("timestamp").asString()).toEpochMilli();
        if (sent.measured() && sent.type() != UpdateType.PROGRESS) {
            toHub.recordValue(Math.max(0, timestamp - data.get("occurredAt").asLong()));
            throughHub.recordValue(Math.max(0, arrivedMillis - timestamp));
        }
        if (sent.type() == UpdateType.PROGRESS) {
            progressByRun
                    .computeIfAbsent(sent.runId(), r -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new Progress(timestamp, nanos));
        }
    }

    void report(PrintStream out, int subscribers, int maxPerSecond) {
        Map<UpdateType, Long> sentMeasured = new EnumMap<>(UpdateType.class);
        load.allSent().values().stream()
                .filter(EventLoad.Sent::measured)
                .forEach(s -> sentMeasured.merge(s.type(), 1L, Long::sum));
        out.println("| update | events written | updates received (all subscribers) | p50 ms | p90 ms | p99 ms "
                + "| p99.9 ms | max ms |");
        out.println("|---|---|---|---|---|---|---|---|");
        for (UpdateType type : List.of(UpdateType.STARTED, UpdateType.COMPLETED, UpdateType.PROGRESS)) {
            Histogram h = latencies.get(type);
            out.printf(
                    "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n",
                    type.wireName(),
                    sentMeasured.getOrDefault(type, 0L),
                    h.getTotalCount(),
                    ms(h, 50),
                    ms(h, 90),
                    ms(h, 99),
                    ms(h, 99.9),
                    h.getMaxValue() / 1000.0);
        }
        for (UpdateType type : List.of(UpdateType.STARTED, UpdateType.COMPLETED)) {
            long expected = sentMeasured.getOrDefault(type, 0L) * subscribers;
            out.printf(
                    "%s: %d of %d expected updates received%n",
                    type.wireName(), latencies.get(type).getTotalCount(), expected);
        }
        out.printf(
                "started+completed, subscriber 0, ms resolution: event to publish p50 %d p99 %d max %d; "
                        + "publish to arrival p50 %d p99 %d max %d%n",
                toHub.getValueAtPercentile(50),
                toHub.getValueAtPercentile(99),
                toHub.getMaxValue(),
                throughHub.getValueAtPercentile(50),
                throughHub.getValueAtPercentile(99),
                throughHub.getMaxValue());
        reportThrottle(out, maxPerSecond);
    }

    private void reportThrottle(PrintStream out, int maxPerSecond) {
        int worstByTimestamp = 0;
        int worstByArrival = 0;
        for (List<Progress> progress : progressByRun.values()) {
            List<Progress> copy;
            synchronized (progress) {
                copy = List.copyOf(progress);
            }
            worstByTimestamp = Math.max(
                    worstByTimestamp,
                    maxInAnySecond(copy.stream()
                            .mapToLong(p -> p.timestampMillis() * 1_000_000)
                            .sorted()
                            .toArray()));
            worstByArrival = Math.max(
                    worstByArrival,
                    maxInAnySecond(copy.stream()
                            .mapToLong(Progress::arrivalNanos)
                            .sorted()
                            .toArray()));
        }
        out.printf(
                "throttle: %d runs; most progress updates of one run in any second: %d by publish timestamp, "
                        + "%d by arrival at the subscriber (bound %d) -> %s%n",
                progressByRun.size(),
                worstByTimestamp,
                worstByArrival,
                maxPerSecond,
                worstByTimestamp <= maxPerSecond ? "HOLDS" : "VIOLATED");
    }

    private static int maxInAnySecond(long[] nanos) {
        int max = 0;
        int last = 0;
        for (int first = 0; first < nanos.length; first++) {
            while (last < nanos.length && nanos[last] < nanos[first] + 1_000_000_000L) {
                last++;
            }
            max = Math.max(max, last - first);
        }
        return max;
    }

    private static double ms(Histogram histogram, double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }
}
