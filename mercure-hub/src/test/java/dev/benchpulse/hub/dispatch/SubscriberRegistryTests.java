package dev.benchpulse.hub.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The list of open subscriptions behind the subscriptions API, the gauge, and the listeners' notifications. */
class SubscriberRegistryTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final SubscriberRegistry registry = new SubscriberRegistry(new HubMetrics(meters));
    private final List<String> heard = new ArrayList<>();

    SubscriberRegistryTests() {
        registry.addListener(new SubscriberListener() {
            @Override
            public void joined(Subscriber subscriber) {
                heard.add("joined " + subscriber.id());
            }

            @Override
            public void left(Subscriber subscriber) {
                heard.add("left " + subscriber.id());
            }
        });
    }

    @Test
    void lists_the_open_subscribers_counts_them_and_tells_listeners_once_of_each_end() {
        Subscriber alice = new Subscriber(Fixtures.selectors("*"), null, 1, Runnable::run, 0);
        Subscriber bob = new Subscriber(Fixtures.selectors("*"), null, 1, Runnable::run, 0);

        registry.add(alice);
        registry.add(bob);
        registry.remove(alice);
        registry.remove(alice);

        assertThat(registry.all()).containsExactly(bob);
        assertThat(meters.get("mercure.subscribers").gauge().value()).isEqualTo(1);
        assertThat(heard).containsExactly("joined " + alice.id(), "joined " + bob.id(), "left " + alice.id());
    }
}
