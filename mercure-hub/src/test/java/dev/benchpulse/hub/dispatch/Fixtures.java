package dev.benchpulse.hub.dispatch;

import dev.benchpulse.hub.settings.HubProperties;
import dev.benchpulse.hub.topic.TopicSelector;
import dev.benchpulse.hub.topic.TopicSelectors;
import dev.benchpulse.hub.update.Update;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** What the unit tests of the hub's core build on: properties, selectors, updates and the frames a stream carries. */
final class Fixtures {

    private Fixtures() {}

    static HubProperties properties(int historySize, int subscriberBuffer) {
        return properties(historySize, subscriberBuffer, Duration.ofSeconds(40));
    }

    static HubProperties properties(int historySize, int subscriberBuffer, Duration heartbeat) {
        return new HubProperties(
                null,
                null,
                true,
                false,
                List.of(),
                List.of(),
                heartbeat,
                historySize,
                "mercureAuthorization",
                new HubProperties.Dispatch(subscriberBuffer, 0),
                new HubProperties.Limits(1024, 20, 100, 0, 0),
                List.of(),
                HubProperties.TransportKind.MEMORY,
                null);
    }

    static HubMetrics metrics() {
        return new HubMetrics(new SimpleMeterRegistry());
    }

    static List<TopicSelector> selectors(String... selectors) {
        return new TopicSelectors(properties(0, 1)).of(List.of(selectors), "the test");
    }

    static Update update(String id, String topic) {
        return new Update(id, List.of(topic), "data of " + id, false, null, null);
    }

    /** Records the frames of a stream as text, one element per buffer written. */
    static Queue<String> record(reactor.core.publisher.Flux<io.netty.buffer.ByteBuf> stream) {
        Queue<String> frames = new ConcurrentLinkedQueue<>();
        stream.subscribe(
                frame -> frames.add(frame.toString(StandardCharsets.UTF_8)),
                error -> frames.add("error: " + error.getMessage()),
                () -> frames.add("complete"));
        return frames;
    }

    /** The event ids in the recorded frames, in order (several events may share one buffer). */
    static List<String> ids(Iterable<String> frames) {
        List<String> ids = new ArrayList<>();
        for (String frame : frames) {
            for (String line : frame.split("\n")) {
                if (line.startsWith("id: ")) {
                    ids.add(line.substring(4));
                }
            }
        }
        return ids;
    }
}
